import type { NotificationKind, Role } from '@deskgram/shared/contract';

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
