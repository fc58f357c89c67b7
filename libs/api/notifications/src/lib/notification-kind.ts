import type { Role } from '@deskgram/api/auth';

/** What a notification is about; each kind can be muted by the people it concerns. */
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

const CLIENT_KINDS: readonly NotificationKind[] = [
  'ticket_created',
  'ticket_reply',
  'ticket_status',
  'invoice_issued',
  'invoice_overdue',
  'invoice_paid',
  'custom_message',
];
const STAFF_KINDS: readonly NotificationKind[] = ['ticket_created', 'ticket_reply', 'ticket_assigned'];

/** The kinds a person of this role can ever receive, so the preferences show no switch that does nothing. */
export function kindsFor(role: Role): readonly NotificationKind[] {
  return role === 'client' ? CLIENT_KINDS : STAFF_KINDS;
}
