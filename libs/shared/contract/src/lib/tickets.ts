/** A ticket's status, in the order of its life (`TicketStatus`). */
export const TICKET_STATUSES = ['open', 'in_progress', 'waiting_for_client', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** A ticket's priority, lowest first (`TicketPriority`). */
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

/** Where a ticket message was written (`MessageChannel`). */
export const MESSAGE_CHANNELS = ['portal', 'telegram'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];
