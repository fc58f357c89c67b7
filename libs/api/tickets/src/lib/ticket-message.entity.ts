import { UserEntity } from '@deskgram/api/auth';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { MESSAGE_CHANNELS, type MessageChannel, ROLES, type Role } from '@deskgram/shared/contract';
import { TicketAttachmentEntity } from './attachments/ticket-attachment.entity';
import { TicketEntity } from './ticket.entity';

/** One entry of a ticket's thread: a public reply, or an internal note that only staff ever see. */
@Entity('ticket_messages')
@Index('ticket_messages_ticket_created_idx', ['ticketId', 'createdAt'])
export class TicketMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  ticketId!: string;

  @ManyToOne(() => TicketEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'ticket_messages_ticket_id_fkey' })
  ticket?: TicketEntity;

  @Column({ type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'ticket_messages_author_id_fkey' })
  author?: UserEntity;

  @Column({ type: 'enum', enum: ROLES, enumName: 'user_role' })
  authorRole!: Role;

  /** Empty only when the message carries files. */
  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'boolean', default: false })
  internal!: boolean;

  @Column({ type: 'enum', enum: MESSAGE_CHANNELS, enumName: 'message_channel', default: 'portal' })
  via!: MessageChannel;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** Loaded by the service, in their order. */
  @OneToMany(() => TicketAttachmentEntity, (attachment) => attachment.message)
  attachments?: Relation<TicketAttachmentEntity>[];
}
