/**
 * The domain events of the product: one typed map, names as constants. Services publish them with
 * `DomainEventsPublisher` inside the transaction of the change; the Notifications module listens.
 */
export const DomainEvent = {
  TicketCreated: 'ticket.created',
  TicketMessageCreated: 'ticket.message.created',
  TicketStatusChanged: 'ticket.status.changed',
  TicketAssigned: 'ticket.assigned',
  InvoiceIssued: 'invoice.issued',
  InvoicePaid: 'invoice.paid',
  InvoiceOverdue: 'invoice.overdue',
  TelegramCustomMessage: 'telegram.custom-message',
} as const;

export type DomainEventName = (typeof DomainEvent)[keyof typeof DomainEvent];

/** Who did it: listeners never notify the person who caused the event. */
export interface EventActor {
  userId: string;
  role: 'admin' | 'agent' | 'client';
}

export interface TicketRef {
  id: string;
  number: string;
  subject: string;
  clientId: string;
  assigneeId: string | null;
  status: string;
  priority: string;
}

/** A file that came with a message (its bytes: `GET /api/attachments/:id`). */
export interface AttachmentRef {
  id: string;
  fileName: string;
  size: number;
  contentType: string;
}

export interface TicketCreatedEvent {
  ticket: TicketRef;
  actor: EventActor;
  /** The description, the thread's first message; empty when it is only files. */
  body: string;
  attachments: AttachmentRef[];
}

export interface TicketMessageCreatedEvent {
  ticket: TicketRef;
  actor: EventActor;
  messageId: string;
  /** Empty when the message is only files. */
  body: string;
  /** Internal notes never reach the client side. */
  internal: boolean;
  attachments: AttachmentRef[];
}

export interface TicketStatusChangedEvent {
  ticket: TicketRef;
  actor: EventActor;
  from: string;
  to: string;
}

export interface TicketAssignedEvent {
  ticket: TicketRef;
  actor: EventActor;
  previousAssigneeId: string | null;
  assigneeId: string | null;
}

export interface InvoiceRef {
  id: string;
  number: string;
  clientId: string;
  currency: string;
  /** Decimal string, e.g. "1250.00". */
  total: string;
  dueDate: string;
}

export interface InvoiceEvent {
  invoice: InvoiceRef;
  /** null when the system did it (the overdue sweep). */
  actor: EventActor | null;
}

/** Staff wrote to a client's Telegram from the portal: the text goes to its connected users verbatim. */
export interface TelegramCustomMessageEvent {
  clientId: string;
  actor: EventActor;
  message: string;
}

/** Payload of each event, by name: `emitAsync(DomainEvent.TicketCreated, payload satisfies DomainEvents['ticket.created'])`. */
export interface DomainEvents {
  'ticket.created': TicketCreatedEvent;
  'ticket.message.created': TicketMessageCreatedEvent;
  'ticket.status.changed': TicketStatusChangedEvent;
  'ticket.assigned': TicketAssignedEvent;
  'invoice.issued': InvoiceEvent;
  'invoice.paid': InvoiceEvent;
  'invoice.overdue': InvoiceEvent;
  'telegram.custom-message': TelegramCustomMessageEvent;
}
