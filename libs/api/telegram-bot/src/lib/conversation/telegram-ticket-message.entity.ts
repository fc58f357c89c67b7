import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '@deskgram/api/auth';
import { TicketEntity } from '@deskgram/api/tickets';

/**
 * Which ticket a message the bot sent belongs to, and to whom it was sent: a Reply to it answers that ticket as that
 * person. Written when a ticket notification is sent (and for the bot's own confirmations); kept as long as the
 * ticket and the user exist, so that a reply to a months-old notification still finds its ticket. Never leaves the
 * server.
 */
@Entity('telegram_ticket_messages')
export class TelegramTicketMessageEntity {
  /** A Telegram message id is unique only within its chat. */
  @PrimaryColumn({ type: 'bigint' })
  chatId!: string;

  @PrimaryColumn({ type: 'bigint' })
  messageId!: string;

  @Index('telegram_ticket_messages_user_id_idx')
  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'telegram_ticket_messages_user_id_fkey' })
  user?: UserEntity;

  @Index('telegram_ticket_messages_ticket_id_idx')
  @Column({ type: 'uuid' })
  ticketId!: string;

  @ManyToOne(() => TicketEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'telegram_ticket_messages_ticket_id_fkey' })
  ticket?: TicketEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
