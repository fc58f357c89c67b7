import { ClientEntity } from '@deskgram/api/clients';
import { UserEntity } from '@deskgram/api/auth';
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
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketPriority, type TicketStatus } from '@deskgram/shared/contract';

/** The human number is `T-<seq>`; the sequence is created by the migration and starts at 1001. */
export function ticketNumber(seq: number): string {
  return `T-${seq}`;
}

@Entity('tickets')
@Index('tickets_client_activity_idx', ['clientId', 'lastActivityAt'])
@Index('tickets_status_activity_idx', ['status', 'lastActivityAt'])
@Index('tickets_assignee_idx', ['assigneeId'])
// The staff queue, newest activity first over every ticket: without it each page sorts the whole table.
@Index('tickets_activity_idx', ['lastActivityAt', 'id'])
export class TicketEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('tickets_seq_key', { unique: true })
  @Column({ type: 'integer', default: () => "nextval('ticket_number_seq')" })
  seq!: number;

  @Column({ type: 'varchar', length: 200 })
  subject!: string;

  @Column({ type: 'uuid' })
  clientId!: string;

  @ManyToOne(() => ClientEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'tickets_client_id_fkey' })
  client?: ClientEntity;

  @Column({ type: 'uuid' })
  creatorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'creator_id', foreignKeyConstraintName: 'tickets_creator_id_fkey' })
  creator?: UserEntity;

  @Column({ type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'assignee_id', foreignKeyConstraintName: 'tickets_assignee_id_fkey' })
  assignee?: UserEntity | null;

  @Column({ type: 'enum', enum: TICKET_STATUSES, enumName: 'ticket_status', default: 'open' })
  status!: TicketStatus;

  @Column({ type: 'enum', enum: TICKET_PRIORITIES, enumName: 'ticket_priority', default: 'normal' })
  priority!: TicketPriority;

  /** The last public message or status change; the queue is ordered by it. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastActivityAt!: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
