import { Injectable } from '@nestjs/common';
import type { Role } from '@deskgram/shared/contract';
import { type MessageLanguage, messageLanguage } from '@deskgram/api/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { NotificationKind } from '@deskgram/shared/contract';

/** Who may hear of a change, before the actor, unlinked, disabled and muting people are taken out. */
export type Audience = { clientUsersOf: string } | { staff: true } | { user: string };

export interface Recipient {
  userId: string;
  role: Role;
  chatId: string;
  language: MessageLanguage;
}

/** A person's Telegram link as the notifications see it: where to send, and whether it can be sent to. */
export interface RecipientLink {
  chatId: string;
  state: 'connected' | 'blocked';
}

/**
 * What the notifications read of other libraries' tables (`users` and `clients` of auth and clients,
 * `telegram_links` of telegram-link) to decide who hears what. The one place these queries live: a change to
 * those tables is checked against this file and its spec. Every query runs in the caller's transaction.
 */
@Injectable()
export class RecipientsReadModel {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /**
   * People of the audience with a connected Telegram link who are enabled and have not muted the kind, without the
   * actor (nobody hears of their own action), oldest account first. One query.
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

  /** Display names for the people and companies the messages mention; `Deskgram` when the actor is the system. */
  async names(
    userId: string | null,
    clientId: string | null,
    assigneeId: string | null = null,
  ): Promise<{ actor: string; client: string; assignee: string | null }> {
    const [row]: Array<{ actor: string | null; client: string | null; assignee: string | null }> =
      await this.txHost.tx.query(
        `SELECT (SELECT display_name FROM users WHERE id = $1::uuid) AS actor,
                (SELECT name FROM clients WHERE id = $2::uuid) AS client,
                (SELECT display_name FROM users WHERE id = $3::uuid) AS assignee`,
        [userId, clientId, assigneeId],
      );
    return { actor: row?.actor ?? 'Deskgram', client: row?.client ?? '', assignee: row?.assignee ?? null };
  }

  /**
   * How many enabled users of the client have a connected Telegram link; `null` when there is no such client.
   */
  async connectedUsersOfClient(clientId: string): Promise<number | null> {
    const [row]: Array<{ connected: number }> = await this.txHost.tx.query(
      `SELECT (SELECT count(*) FROM users u JOIN telegram_links l ON l.user_id = u.id AND l.state = 'connected'
                WHERE u.client_id = c.id AND u.disabled_at IS NULL)::int AS connected
         FROM clients c WHERE c.id = $1`,
      [clientId],
    );
    return row ? row.connected : null;
  }

  /** The user's Telegram link now, or `null` when they have none. */
  async linkOf(userId: string): Promise<RecipientLink | null> {
    const [row]: Array<{ chat_id: string; state: RecipientLink['state'] }> = await this.txHost.tx.query(
      'SELECT chat_id, state FROM telegram_links WHERE user_id = $1',
      [userId],
    );
    return row ? { chatId: String(row.chat_id), state: row.state } : null;
  }
}
