import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@deskgram/api/auth';

/**
 * A one-time link token of a `t.me/<bot>?start=<token>` link, stored as its SHA-256 only: whoever reads the table
 * cannot link a Telegram account to someone else's portal user.
 */
@Entity('telegram_link_tokens')
export class LinkTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('telegram_link_tokens_token_hash_key', { unique: true })
  @Column({ type: 'bytea' })
  tokenHash!: Buffer;

  @Index('telegram_link_tokens_user_id_idx')
  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'telegram_link_tokens_user_id_fkey' })
  user?: UserEntity;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  /** The update that spent the token: Telegram redelivers an update it thinks was lost, with the same id. */
  @Column({ type: 'bigint', nullable: true })
  usedByUpdateId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
