/** What a notification is about; each kind can be muted by the people it concerns (`NotificationKind`). */
export const NOTIFICATION_KINDS = [
  'ticket_created',
  'ticket_reply',
  'ticket_status',
  'ticket_assigned',
  'invoice_issued',
  'invoice_overdue',
  'invoice_paid',
  'custom_message',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Where a queued Telegram message stands (`DeliveryStatus`). */
export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
