import {
  Column,
  CreateDateColumn,
  Entity,
  Generated,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { UserEntity } from '@deskgram/api/auth';
import type { InlineKeyboard } from '@deskgram/api/telegram-bot';
import { TicketAttachmentEntity } from '@deskgram/api/tickets';
import {
  DELIVERY_STATUSES,
  type DeliveryStatus,
  NOTIFICATION_KINDS,
  type NotificationKind,
} from '@deskgram/shared/contract';

/**
 * One message to one person, written in the transaction of the change it tells about; the deliverer sends it. The
 * rendered text is kept, so a retry sends exactly what was promised, in the language of the moment it happened.
 */
@Entity('notification_deliveries')
@Index('notification_deliveries_due_idx', ['status', 'nextAttemptAt'])
@Index('notification_deliveries_chat_seq_idx', ['chatId', 'seq'])
@Index('notification_deliveries_created_idx', ['createdAt'])
// The deliverer's claim walks the pending rows in order and asks each for its chat's first open row: both stay
// small and fast however long the history of sent rows grows (migration QueueHeadIndexes).
@Index('notification_deliveries_pending_seq_idx', ['seq'], { where: `"status" = 'pending'` })
@Index('notification_deliveries_open_chat_seq_idx', ['chatId', 'seq'], {
  where: `"status" IN ('pending', 'sending')`,
})
export class DeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Order of creation: a chat's messages go out in this order. */
  @Column({ type: 'bigint' })
  @Generated('increment')
  seq!: string;

  @Index('notification_deliveries_recipient_idx')
  @Column({ type: 'uuid' })
  recipientId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_id', foreignKeyConstraintName: 'notification_deliveries_recipient_id_fkey' })
  recipient?: UserEntity;

  /** The chat when the change happened; never leaves the server. */
  @Column({ type: 'bigint' })
  chatId!: string;

  @Column({ type: 'enum', enum: NOTIFICATION_KINDS, enumName: 'notification_kind' })
  kind!: NotificationKind;

  /** What it is about, for the log: `T-1042`, `INV-2026-0007`, or the client's name. */
  @Column({ type: 'varchar', length: 200 })
  reference!: string;

  /** The message, Telegram HTML. */
  @Column({ type: 'text' })
  text!: string;

  /** The ticket it tells about: once sent, a Reply to it answers this ticket (`telegram_ticket_messages`). */
  @Column({ type: 'uuid', nullable: true })
  ticketId!: string | null;

  /** A file of the ticket message it follows, sent as a photo or a document; `text` is then its caption. */
  @Column({ type: 'uuid', nullable: true })
  attachmentId!: string | null;

  @ManyToOne(() => TicketAttachmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attachment_id', foreignKeyConstraintName: 'notification_deliveries_attachment_id_fkey' })
  attachment?: TicketAttachmentEntity;

  /** The inline keyboard sent with it (Take, Resolve, Reopen, Open in portal), as the Bot API takes it. */
  @Column({ type: 'jsonb', nullable: true })
  replyMarkup!: InlineKeyboard | null;

  @Column({ type: 'enum', enum: DELIVERY_STATUSES, enumName: 'delivery_status', default: 'pending' })
  status!: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt!: Date;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'bigint', nullable: true })
  telegramMessageId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
