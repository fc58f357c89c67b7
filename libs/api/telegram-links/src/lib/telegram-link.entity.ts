import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '@deskgram/api/auth';

import { TELEGRAM_LINK_STATES, type TelegramLinkState } from '@deskgram/shared/contract';

/**
 * The Telegram account a portal user linked, one per portal user. The Telegram ids are kept here only: no response,
 * page or info-level log line carries them.
 */
@Entity('telegram_links')
export class TelegramLinkEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'telegram_links_user_id_fkey' })
  user?: UserEntity;

  /** Telegram ids exceed 32 bits; `bigint` comes back from PostgreSQL as a string, which keeps them exact. */
  @Index('telegram_links_telegram_user_id_idx')
  @Column({ type: 'bigint' })
  telegramUserId!: string;

  @Column({ type: 'bigint' })
  chatId!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  username!: string | null;

  @Column({ type: 'varchar', length: 256 })
  firstName!: string;

  /** The language the bot speaks to this person: `en` or `ru`. */
  @Column({ type: 'varchar', length: 8 })
  language!: string;

  @Column({ type: 'enum', enum: TELEGRAM_LINK_STATES, enumName: 'telegram_link_state' })
  state!: TelegramLinkState;

  @Column({ type: 'timestamptz' })
  linkedAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
