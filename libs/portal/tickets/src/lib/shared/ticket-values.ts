import { type TicketPriority, type TicketStatus } from '@deskgram/api-client';

export const STATUSES: readonly TicketStatus[] = ['open', 'in_progress', 'waiting_for_client', 'resolved', 'closed'];
export const PRIORITIES: readonly TicketPriority[] = ['low', 'normal', 'high', 'urgent'];

/** Statuses a ticket is still being worked on in. */
export const ACTIVE_STATUSES: readonly TicketStatus[] = ['open', 'in_progress', 'waiting_for_client'];

export function isStatus(value: string | null): value is TicketStatus {
  return value !== null && (STATUSES as readonly string[]).includes(value);
}

export function isPriority(value: string | null): value is TicketPriority {
  return value !== null && (PRIORITIES as readonly string[]).includes(value);
}
