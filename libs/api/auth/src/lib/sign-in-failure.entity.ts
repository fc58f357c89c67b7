import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A failed sign-in, counted per e-mail and per address. Kept in PostgreSQL rather than in process memory so that
 * every replica sees the same count.
 */
@Entity('sign_in_failures')
@Index('sign_in_failures_key_failed_at_idx', ['key', 'failedAt'])
export class SignInFailureEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  /** `email:<address>`, `telegram:<Telegram user id>` or `ip:<address>`. */
  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  failedAt!: Date;
}
