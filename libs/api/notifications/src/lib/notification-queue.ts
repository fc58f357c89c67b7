import { Injectable } from '@nestjs/common';
import type { Role } from '@deskgram/shared/contract';
import { type MessageLanguage, messageLanguage } from '@deskgram/api/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DeliveryEntity } from './delivery.entity';
import type { NotificationKind } from '@deskgram/shared/contract';

/** The channel the deliverer LISTENs on; a commit that queued deliveries NOTIFYs it. */
export const DELIVERIES_CHANNEL = 'deskgram_deliveries';

/** Who may hear of a change, before the actor, unlinked, disabled and muting people are taken out. */
export type Audience = { clientUsersOf: string } | { staff: true } | { user: string };

export interface Recipient {
  userId: string;
  role: Role;
  chatId: string;
  language: MessageLanguage;
}

/**
 * Finds who hears of a change and queues their messages inside the caller's transaction: a commit means the
 * messages will go out, a rollback means they never existed.
 */
@Injectable()
export class NotificationQueue {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /**
   * People of the audience with a connected Telegram link who have not muted the kind, without the actor: nobody
   * hears of their own action. Reads across the users, links and preferences tables in one query.
   */
  async recipients(audience: Audience, kind: NotificationKind, actorId: string | null): Promise<Recipient[]> {
    const params: unknown[] = [kind, actorId];
    let where: string;
    if ('clientUsersOf' in audience) {
      params.push(audience.clientUsersOf);
      where = `u.role = 'client' AND u.client_id = $3`;
    } else if ('staff' in audience) {
      where = `u.role IN ('admin', 'agent')`;
    } else {
      params.push(audience.user);
      where = `u.id = $3`;
    }
    const rows: Array<{
      id: string;
      role: Role;
      chat_id: string;
      user_language: string | null;
      link_language: string;
    }> = await this.txHost.tx.query(
      `SELECT u.id, u.role, l.chat_id, u.language AS user_language, l.language AS link_language
           FROM users u
           JOIN telegram_links l ON l.user_id = u.id AND l.state = 'connected'
           LEFT JOIN notification_preferences p ON p.user_id = u.id
          WHERE u.disabled_at IS NULL
            AND ($2::uuid IS NULL OR u.id <> $2::uuid)
            AND NOT ($1 = ANY (COALESCE(p.muted, '{}')))
            AND ${where}
          ORDER BY u.created_at, u.id`,
      params,
    );
    return rows.map((row) => ({
      userId: row.id,
      role: row.role,
      chatId: String(row.chat_id),
      language: messageLanguage(row.user_language, row.link_language),
    }));
  }

  /** Queues one message per recipient and wakes the deliverer at commit. */
  async enqueue(
    kind: NotificationKind,
    reference: string,
    recipients: Recipient[],
    render: (recipient: Recipient) => string,
  ): Promise<number> {
    if (recipients.length === 0) return 0;
    await this.txHost.tx.getRepository(DeliveryEntity).insert(
      recipients.map((recipient) => ({
        recipientId: recipient.userId,
        chatId: recipient.chatId,
        kind,
        reference: reference.slice(0, 200),
        text: render(recipient),
      })),
    );
    // NOTIFY is delivered only when the transaction commits, which is exactly when the deliverer may send.
    await this.txHost.tx.query(`SELECT pg_notify('${DELIVERIES_CHANNEL}', '')`);
    return recipients.length;
  }

  /** Display names for the people and companies the messages mention. */
  async names(userId: string | null, clientId: string | null): Promise<{ actor: string; client: string }> {
    const [row]: Array<{ actor: string | null; client: string | null }> = await this.txHost.tx.query(
      `SELECT (SELECT display_name FROM users WHERE id = $1::uuid) AS actor,
              (SELECT name FROM clients WHERE id = $2::uuid) AS client`,
      [userId, clientId],
    );
    return { actor: row?.actor ?? 'Deskgram', client: row?.client ?? '' };
  }
}
