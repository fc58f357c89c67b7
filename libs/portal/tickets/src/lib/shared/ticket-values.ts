import { type TicketPriority, type TicketStatus } from '@deskgram/api-client';
import { TICKET_PRIORITIES, TICKET_STATUSES } from '@deskgram/shared/contract';

export const STATUSES: readonly TicketStatus[] = TICKET_STATUSES;
export const PRIORITIES: readonly TicketPriority[] = TICKET_PRIORITIES;

/** Statuses a ticket is still being worked on in. */
export const ACTIVE_STATUSES: readonly TicketStatus[] = ['open', 'in_progress', 'waiting_for_client'];

export function isStatus(value: string | null): value is TicketStatus {
  return value !== null && (STATUSES as readonly string[]).includes(value);
}

export function isPriority(value: string | null): value is TicketPriority {
  return value !== null && (PRIORITIES as readonly string[]).includes(value);
}
