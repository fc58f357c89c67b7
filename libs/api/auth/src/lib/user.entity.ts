import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { ROLES, type Role } from '@deskgram/shared/contract';

/** A person who signs in: staff (`admin`, `agent`) or a client's portal user (`client`, with `clientId`). */
@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Unique without regard to case (citext). */
  @Index('users_email_key', { unique: true })
  @Column({ type: 'citext' })
  email!: string;

  @Column({ type: 'text', select: false })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 200 })
  displayName!: string;

  @Column({ type: 'enum', enum: ROLES, enumName: 'user_role' })
  role!: Role;

  @Index('users_client_id_idx')
  @Column({ type: 'uuid', nullable: true })
  clientId!: string | null;

  // Named by string: clients build on auth, so auth must not import the clients library.
  @ManyToOne('ClientEntity', { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'users_client_id_fkey' })
  client?: unknown;

  /** Preferred language of messages and the portal; null follows the browser or Telegram. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  language!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastSignInAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
