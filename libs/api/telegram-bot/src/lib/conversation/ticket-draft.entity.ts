import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@deskgram/api/auth';
import { TicketEntity } from '@deskgram/api/tickets';

/** A file of a draft, by its Telegram id. */
export interface DraftFile {
  fileId: string;
  fileName: string;
  size: number;
}

/**
 * A text a client wrote to the bot, waiting for Open or Cancel; the buttons carry only the draft's id. Opening
 * records the ticket, so a second press (or a redelivered one) opens nothing more. Housekeeping forgets drafts after
 * a week.
 */
@Entity('telegram_ticket_drafts')
export class TicketDraftEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The portal user who will open the ticket: the sender's linked client account. */
  @Index('telegram_ticket_drafts_user_id_idx')
  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'telegram_ticket_drafts_user_id_fkey' })
  user?: UserEntity;

  /** May be empty when files go with it. */
  @Column({ type: 'text' })
  text!: string;

  /** Files sent with the text, still in Telegram: fetched when Open is pressed. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  files!: DraftFile[];

  @Column({ type: 'uuid', nullable: true })
  ticketId!: string | null;

  @ManyToOne(() => TicketEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'ticket_id', foreignKeyConstraintName: 'telegram_ticket_drafts_ticket_id_fkey' })
  ticket?: TicketEntity | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Index('telegram_ticket_drafts_created_at_idx')
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
