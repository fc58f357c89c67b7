import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DeliveryEntity } from './delivery.entity';
import type { NotificationKind } from '@deskgram/shared/contract';
import type { AttachmentRef } from '@deskgram/api/common';
import type { InlineKeyboard } from '@deskgram/api/telegram-bot';
import type { Recipient } from './read-models/recipients.read-model';

/** The channel the deliverer LISTENs on; a commit that queued deliveries NOTIFYs it. */
export const DELIVERIES_CHANNEL = 'deskgram_deliveries';

/**
 * Queues messages inside the caller's transaction: a commit means the messages will go out, a rollback means they
 * never existed. Who hears what is read by `RecipientsReadModel`.
 */
@Injectable()
export class NotificationQueue {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /**
   * Queues one message per recipient and wakes the deliverer at commit. A message about a ticket names it, so that a
   * Reply to it answers that ticket, and may carry buttons (`keyboard`, per recipient).
   */
  async enqueue(
    kind: NotificationKind,
    reference: string,
    recipients: Recipient[],
    render: (recipient: Recipient) => string,
    about: {
      ticketId?: string;
      keyboard?: (recipient: Recipient) => InlineKeyboard | null;
      /** Files that follow the text, one message each, in this order: `caption` is each one's text. */
      files?: readonly AttachmentRef[];
      caption?: (recipient: Recipient, file: AttachmentRef) => string;
    } = {},
  ): Promise<number> {
    if (recipients.length === 0) return 0;
    // One statement, rows in this order: each recipient's text, then its files, so a chat gets them in that order.
    const rows = recipients.flatMap((recipient) => [
      {
        recipientId: recipient.userId,
        chatId: recipient.chatId,
        kind,
        reference: reference.slice(0, 200),
        text: render(recipient),
        ticketId: about.ticketId ?? null,
        replyMarkup: about.keyboard?.(recipient) ?? null,
        attachmentId: null,
      },
      ...(about.files ?? []).map((file) => ({
        recipientId: recipient.userId,
        chatId: recipient.chatId,
        kind,
        reference: `${reference} · ${file.fileName}`.slice(0, 200),
        text: about.caption?.(recipient, file) ?? '',
        ticketId: about.ticketId ?? null,
        replyMarkup: null,
        attachmentId: file.id,
      })),
    ]);
    await this.txHost.tx.getRepository(DeliveryEntity).insert(rows);
    // NOTIFY is delivered only when the transaction commits, which is exactly when the deliverer may send.
    await this.txHost.tx.query(`SELECT pg_notify('${DELIVERIES_CHANNEL}', '')`);
    return recipients.length;
  }
}
