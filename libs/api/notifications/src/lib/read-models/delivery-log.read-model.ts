import { Injectable } from '@nestjs/common';
import type { Role } from '@deskgram/shared/contract';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { DeliveryStatus } from '@deskgram/shared/contract';
import type { NotificationKind } from '@deskgram/shared/contract';

/** One delivery as the log shows it, with its recipient's name and role from `users` (the auth library's table). */
export interface DeliveryLogRow {
  id: string;
  recipient: { id: string; displayName: string; role: Role };
  kind: NotificationKind;
  reference: string;
  /** The message as sent, Telegram HTML. */
  text: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date;
}

export interface DeliveryLogFilter {
  status?: DeliveryStatus;
  kind?: NotificationKind;
  recipientId?: string;
}

interface Row {
  id: string;
  recipient_id: string;
  display_name: string;
  role: Role;
  kind: NotificationKind;
  reference: string;
  text: string;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
  next_attempt_at: Date;
}

const COLUMNS = `d.id, d.recipient_id, u.display_name, u.role, d.kind, d.reference, d.text, d.status, d.attempts,
                 d.last_error, d.created_at, d.sent_at, d.next_attempt_at`;

/**
 * The delivery log: `notification_deliveries` joined with the recipient in `users`. The one place that query lives;
 * it never selects a chat id, so nothing of Telegram's can reach a response through it.
 */
@Injectable()
export class DeliveryLogReadModel {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /** Newest first (by the order the deliveries were queued), with the total that matches the filter. */
  async page(
    filter: DeliveryLogFilter,
    offset: number,
    limit: number,
  ): Promise<{ items: DeliveryLogRow[]; total: number }> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (filter.status) conditions.push(`d.status = $${params.push(filter.status)}`);
    if (filter.kind) conditions.push(`d.kind = $${params.push(filter.kind)}`);
    if (filter.recipientId) conditions.push(`d.recipient_id = $${params.push(filter.recipientId)}`);
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const rows: Row[] = await this.txHost.tx.query(
      `SELECT ${COLUMNS} FROM notification_deliveries d JOIN users u ON u.id = d.recipient_id ${where}
        ORDER BY d.seq DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
    const [count]: Array<{ total: number }> = await this.txHost.tx.query(
      `SELECT count(*)::int AS total FROM notification_deliveries d ${where}`,
      params,
    );
    return { items: rows.map(toRow), total: count?.total ?? 0 };
  }

  /** One delivery of the log, or `null`. */
  async one(id: string): Promise<DeliveryLogRow | null> {
    const [row]: Row[] = await this.txHost.tx.query(
      `SELECT ${COLUMNS} FROM notification_deliveries d JOIN users u ON u.id = d.recipient_id WHERE d.id = $1`,
      [id],
    );
    return row ? toRow(row) : null;
  }
}

function toRow(row: Row): DeliveryLogRow {
  return {
    id: row.id,
    recipient: { id: row.recipient_id, displayName: row.display_name, role: row.role },
    kind: row.kind,
    reference: row.reference,
    text: row.text,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    nextAttemptAt: row.next_attempt_at,
  };
}
