import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DeliveryEntity } from './delivery.entity';
import type { NotificationKind } from '@deskgram/shared/contract';
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
    about: { ticketId?: string; keyboard?: (recipient: Recipient) => InlineKeyboard | null } = {},
  ): Promise<number> {
    if (recipients.length === 0) return 0;
    await this.txHost.tx.getRepository(DeliveryEntity).insert(
      recipients.map((recipient) => ({
        recipientId: recipient.userId,
        chatId: recipient.chatId,
        kind,
        reference: reference.slice(0, 200),
        text: render(recipient),
        ticketId: about.ticketId ?? null,
        replyMarkup: about.keyboard?.(recipient) ?? null,
      })),
    );
    // NOTIFY is delivered only when the transaction commits, which is exactly when the deliverer may send.
    await this.txHost.tx.query(`SELECT pg_notify('${DELIVERIES_CHANNEL}', '')`);
    return recipients.length;
  }
}
