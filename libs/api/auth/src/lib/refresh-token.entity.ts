import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from './user.entity';

/**
 * One refresh token, stored as its SHA-256 only. Tokens of one sign-in share a family: each use spends the token
 * and issues the next; a spent token presented again revokes the whole family.
 */
@Entity('refresh_tokens')
@Index('refresh_tokens_user_id_idx', ['userId'])
export class RefreshTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('refresh_tokens_token_hash_key', { unique: true })
  @Column({ type: 'bytea' })
  tokenHash!: Buffer;

  @Index('refresh_tokens_family_id_idx')
  @Column({ type: 'uuid' })
  familyId!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'refresh_tokens_user_id_fkey' })
  user?: UserEntity;

  /**
   * When the sign-in this family belongs to began, copied to each token of the family: a sign-in lasts at most
   * SESSION_MAX_AGE_DAYS from here, however often it is refreshed.
   */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  sessionStartedAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
