import { CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The updates whose effect is committed: recorded in the transaction of the effect, so that Telegram delivering an
 * update again (a polling restart, a webhook retry) changes nothing. Telegram redelivers for at most a day;
 * housekeeping forgets them after a week.
 */
@Entity('telegram_updates')
export class TelegramUpdateEntity {
  @PrimaryColumn({ type: 'bigint' })
  updateId!: string;

  @Index('telegram_updates_handled_at_idx')
  @CreateDateColumn({ type: 'timestamptz' })
  handledAt!: Date;
}
