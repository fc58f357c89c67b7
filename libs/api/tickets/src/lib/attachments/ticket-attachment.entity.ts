import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { TicketMessageEntity } from '../ticket-message.entity';

/**
 * A file attached to a message of a ticket: its name, size and type. The bytes live in the `AttachmentStorage`
 * under the attachment's id.
 */
@Entity('ticket_attachments')
@Index('ticket_attachments_message_id_idx', ['messageId', 'position'])
export class TicketAttachmentEntity {
  /** Made by the service before the row is written, so the bytes can be stored under it first. */
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  messageId!: string;

  @ManyToOne(() => TicketMessageEntity, (message) => message.attachments, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'message_id', foreignKeyConstraintName: 'ticket_attachments_message_id_fkey' })
  message?: Relation<TicketMessageEntity>;

  /** The order of the files within their message, from 0. */
  @Column({ type: 'smallint' })
  position!: number;

  /** Cleaned of paths and control characters, 1-255 characters. */
  @Column({ type: 'text' })
  fileName!: string;

  @Column({ type: 'integer' })
  size!: number;

  /** Taken from the bytes, never from what the uploader claimed. */
  @Column({ type: 'text' })
  contentType!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
