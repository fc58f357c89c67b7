import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@deskgram/api/auth';
import { ConflictError, DomainEvent, DomainEventsPublisher, NotFoundError } from '@deskgram/api/common';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { DeliveryDto, DeliveryListDto, DeliveryQueryDto, PreferenceDto } from './dto/notifications.dto';
import { type NotificationKind } from '@deskgram/shared/contract';
import { kindsFor } from './notification-kind';
import { DELIVERIES_CHANNEL } from './notification-queue';
import { PreferenceEntity } from './preference.entity';
import { toDeliveryDto } from './notifications.mapper';
import { DeliveryLogReadModel } from './read-models/delivery-log.read-model';
import { RecipientsReadModel } from './read-models/recipients.read-model';

/** Preferences, the delivery log, and staff's own messages to a client's Telegram. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly events: DomainEventsPublisher,
    private readonly recipients: RecipientsReadModel,
    private readonly log: DeliveryLogReadModel,
  ) {}

  async preferences(user: AuthenticatedUser): Promise<PreferenceDto[]> {
    const row = await this.txHost.tx.getRepository(PreferenceEntity).findOne({ where: { userId: user.id } });
    const muted = new Set(row?.muted ?? []);
    return kindsFor(user.role).map((kind) => ({ kind, enabled: !muted.has(kind) }));
  }

  @Transactional()
  async updatePreferences(user: AuthenticatedUser, changes: PreferenceDto[]): Promise<PreferenceDto[]> {
    const allowed = kindsFor(user.role);
    const unknown = changes.filter((change) => !allowed.includes(change.kind)).map((change) => change.kind);
    if (unknown.length) {
      throw new ConflictError(
        'notifications.kind_not_for_role',
        `These notifications never reach a ${user.role}: ${[...new Set(unknown)].join(', ')}`,
      );
    }
    const repository = this.txHost.tx.getRepository(PreferenceEntity);
    const row = await repository.findOne({ where: { userId: user.id }, lock: { mode: 'pessimistic_write' } });
    const muted = new Set<NotificationKind>(row?.muted ?? []);
    for (const change of changes) {
      if (change.enabled) muted.delete(change.kind);
      else muted.add(change.kind);
    }
    await repository.upsert({ userId: user.id, muted: [...muted].sort() }, ['userId']);
    return this.preferences(user);
  }

  async deliveries(query: DeliveryQueryDto): Promise<DeliveryListDto> {
    const { items, total } = await this.log.page(
      { status: query.status, kind: query.kind, recipientId: query.recipientId },
      query.offset,
      query.pageSize,
    );
    return { items: items.map(toDeliveryDto), total };
  }

  /** A failed or cancelled delivery goes back into the queue, as the newest message of its chat. */
  @Transactional()
  async retry(id: string): Promise<DeliveryDto> {
    const [locked]: Array<{ id: string }> = await this.txHost.tx.query(
      'SELECT id FROM notification_deliveries WHERE id = $1 FOR UPDATE',
      [id],
    );
    const row = locked ? await this.log.one(id) : null;
    if (!row) throw new NotFoundError('delivery.not_found', `No delivery with id ${id}`);
    if (row.status !== 'failed' && row.status !== 'cancelled') {
      throw new ConflictError(
        'delivery.not_failed',
        `Only failed or cancelled deliveries can be retried; this one is ${row.status}`,
      );
    }
    const link = await this.recipients.linkOf(row.recipient.id);
    if (!link || link.state !== 'connected') {
      throw new ConflictError('delivery.not_connected', `${row.recipient.displayName} has no connected Telegram now`);
    }
    await this.txHost.tx.query(
      `UPDATE notification_deliveries
          SET status = 'pending', chat_id = $2, attempts = 0, next_attempt_at = now(), last_error = NULL,
              seq = nextval(pg_get_serial_sequence('notification_deliveries', 'seq')), updated_at = now()
        WHERE id = $1`,
      [id, link.chatId],
    );
    await this.txHost.tx.query(`SELECT pg_notify('${DELIVERIES_CHANNEL}', '')`);
    const updated = await this.log.one(id);
    if (!updated) throw new NotFoundError('delivery.not_found', `No delivery with id ${id}`);
    return toDeliveryDto(updated);
  }

  /** Staff write to a client's Telegram: queued for its connected users, in the transaction of the request. */
  @Transactional()
  async sendToClient(actor: AuthenticatedUser, clientId: string, message: string): Promise<number> {
    const connected = await this.recipients.connectedUsersOfClient(clientId);
    if (connected === null) throw new NotFoundError('client.not_found', `No client with id ${clientId}`);
    if (connected === 0) {
      throw new ConflictError('telegram.client_not_connected', 'None of this client’s users has connected Telegram');
    }
    const results = await this.events.publish(DomainEvent.TelegramCustomMessage, {
      clientId,
      actor: { userId: actor.id, role: actor.role },
      message,
    });
    return results.reduce<number>((sum, result) => sum + (typeof result === 'number' ? result : 0), 0);
  }
}
