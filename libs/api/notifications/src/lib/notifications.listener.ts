import { Inject, Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import {
  DomainEvent,
  type DomainEvents,
  type EventActor,
  type AttachmentRef,
  type InvoiceEvent,
  type TicketRef,
} from '@deskgram/api/common';
import { NotificationQueue } from './notification-queue';
import { ticketKeyboard, ticketPortalUrl } from '@deskgram/api/telegram-bot';
import { type Audience, RecipientsReadModel } from './read-models/recipients.read-model';
import type { NotificationKind } from '@deskgram/shared/contract';
import { NOTIFICATIONS_OPTIONS, type NotificationsOptions } from './notifications.options';
import { formatDate, localMoney, renderMessage } from './render/render';
import { notificationTexts } from './render/notification-texts';

/** Listeners fail the transaction when they fail: a change is never committed without its notifications. */
const STRICT = { suppressErrors: false } as const;

/**
 * Who hears what (docs/api.md, "Who hears what"). Each listener only decides and records deliveries, inside the
 * transaction of the change; only the deliverer talks to Telegram.
 */
@Injectable()
export class NotificationsListener {
  constructor(
    private readonly queue: NotificationQueue,
    private readonly readModel: RecipientsReadModel,
    @Inject(NOTIFICATIONS_OPTIONS) private readonly options: NotificationsOptions,
  ) {}

  @OnEvent(DomainEvent.TicketCreated, STRICT)
  async ticketCreated(event: DomainEvents['ticket.created']): Promise<number> {
    const byClient = event.actor.role === 'client';
    return this.ticketMessage(
      'ticket_created',
      event.ticket,
      event.actor,
      byClient ? this.staffSide(event.ticket) : this.clientSide(event.ticket),
      {
        template: byClient ? 'ticketCreatedByClient' : 'ticketCreatedForClient',
        body: event.body,
        files: event.attachments,
      },
    );
  }

  @OnEvent(DomainEvent.TicketMessageCreated, STRICT)
  async ticketReply(event: DomainEvents['ticket.message.created']): Promise<number> {
    // Internal notes are staff talk: never the client side, and no message for them at all.
    if (event.internal) return 0;
    const audience = event.actor.role === 'client' ? this.staffSide(event.ticket) : this.clientSide(event.ticket);
    return this.ticketMessage('ticket_reply', event.ticket, event.actor, audience, {
      template: 'ticketReply',
      body: event.body,
      files: event.attachments,
    });
  }

  @OnEvent(DomainEvent.TicketStatusChanged, STRICT)
  async ticketStatusChanged(event: DomainEvents['ticket.status.changed']): Promise<number> {
    return this.ticketMessage('ticket_status', event.ticket, event.actor, this.clientSide(event.ticket), {
      template: 'ticketStatus',
      statuses: { from: event.from, to: event.to },
    });
  }

  @OnEvent(DomainEvent.TicketAssigned, STRICT)
  async ticketAssigned(event: DomainEvents['ticket.assigned']): Promise<number> {
    if (!event.assigneeId) return 0;
    return this.ticketMessage(
      'ticket_assigned',
      event.ticket,
      event.actor,
      { user: event.assigneeId },
      {
        template: 'ticketAssigned',
      },
    );
  }

  @OnEvent(DomainEvent.InvoiceIssued, STRICT)
  invoiceIssued(event: InvoiceEvent): Promise<number> {
    return this.invoiceMessage('invoice_issued', 'invoiceIssued', event);
  }

  @OnEvent(DomainEvent.InvoiceOverdue, STRICT)
  invoiceOverdue(event: InvoiceEvent): Promise<number> {
    return this.invoiceMessage('invoice_overdue', 'invoiceOverdue', event);
  }

  @OnEvent(DomainEvent.InvoicePaid, STRICT)
  invoicePaid(event: InvoiceEvent): Promise<number> {
    return this.invoiceMessage('invoice_paid', 'invoicePaid', event);
  }

  @OnEvent(DomainEvent.TelegramCustomMessage, STRICT)
  async customMessage(event: DomainEvents['telegram.custom-message']): Promise<number> {
    const recipients = await this.readModel.recipients(
      { clientUsersOf: event.clientId },
      'custom_message',
      event.actor.userId,
    );
    const names = await this.readModel.names(event.actor.userId, event.clientId);
    return this.queue.enqueue('custom_message', names.client, recipients, (recipient) =>
      renderMessage(recipient.language, {
        template: 'customMessage',
        values: { who: names.actor },
        body: event.message,
      }),
    );
  }

  /** The assignee when there is one, else every staff member. */
  private staffSide(ticket: TicketRef): Audience {
    return ticket.assigneeId ? { user: ticket.assigneeId } : { staff: true };
  }

  private clientSide(ticket: TicketRef): Audience {
    return { clientUsersOf: ticket.clientId };
  }

  private async ticketMessage(
    kind: NotificationKind,
    ticket: TicketRef,
    actor: EventActor,
    audience: Audience,
    message: {
      template: string;
      body?: string;
      statuses?: { from: string; to: string };
      /** The message's files: named in the text, then sent after it, one message each. */
      files?: readonly AttachmentRef[];
    },
  ): Promise<number> {
    const files = message.files ?? [];
    const named = files.length ? `📎 ${files.map((file) => file.fileName).join(', ')}` : '';
    const body = [message.body ?? '', named].filter(Boolean).join('\n\n');
    const recipients = await this.readModel.recipients(audience, kind, actor.userId);
    if (recipients.length === 0) return 0;
    const names = await this.readModel.names(actor.userId, ticket.clientId, ticket.assigneeId);
    const buttons = {
      id: ticket.id,
      number: ticket.number,
      status: ticket.status,
      assigneeId: ticket.assigneeId,
      assigneeName: names.assignee,
    };
    return this.queue.enqueue(
      kind,
      ticket.number,
      recipients,
      (recipient) => {
        const t = notificationTexts(recipient.language);
        return renderMessage(recipient.language, {
          template: message.template,
          values: {
            number: ticket.number,
            subject: ticket.subject,
            who: names.actor,
            client: names.client,
            priority: t(`priorities.${ticket.priority}`),
            ...(message.statuses
              ? { from: t(`statuses.${message.statuses.from}`), to: t(`statuses.${message.statuses.to}`) }
              : {}),
          },
          body,
          link: { url: ticketPortalUrl(this.options.publicUrl, recipient.role, ticket.id), label: t('openTicket') },
        });
      },
      {
        ticketId: ticket.id,
        files,
        caption: (recipient) =>
          notificationTexts(recipient.language)('fileCaption', { number: ticket.number, subject: ticket.subject }),
        keyboard: (recipient) =>
          ticketKeyboard(
            buttons,
            { userId: recipient.userId, role: recipient.role, language: recipient.language },
            this.options.publicUrl,
          ),
      },
    );
  }

  private async invoiceMessage(kind: NotificationKind, template: string, event: InvoiceEvent): Promise<number> {
    const { invoice } = event;
    const recipients = await this.readModel.recipients(
      { clientUsersOf: invoice.clientId },
      kind,
      event.actor?.userId ?? null,
    );
    return this.queue.enqueue(kind, invoice.number, recipients, (recipient) =>
      renderMessage(recipient.language, {
        template,
        values: {
          number: invoice.number,
          total: localMoney(recipient.language, invoice.total, invoice.currency),
          due: formatDate(recipient.language, invoice.dueDate),
        },
        link: {
          url: `${this.options.publicUrl}/client/invoices/${invoice.id}`,
          label: notificationTexts(recipient.language)('openInvoice'),
        },
      }),
    );
  }
}
