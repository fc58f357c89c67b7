/**
 * Every `code` an error answer of the API can carry (docs/api.md, "Errors"): stable, machine-readable, the same on
 * both sides. The API's domain errors take only these; the OpenAPI document publishes them as the `ErrorCode`
 * schema, and the portal's translations are keyed by them.
 */
export const ERROR_CODES = [
  'auth.wrong_credentials',
  'auth.disabled',
  'auth.too_many_failures',
  'auth.wrong_password',
  'auth.refresh_unknown',
  'auth.refresh_reused',
  'auth.session_ended',
  'auth.session_expired',
  'auth.refresh_expired',
  'auth.reset_unknown',
  'auth.reset_used',
  'auth.reset_expired',
  'auth.telegram_malformed',
  'auth.telegram_invalid',
  'auth.telegram_expired',
  'auth.telegram_not_linked',
  'user.not_found',
  'user.email_taken',
  'user.self_lockout',
  'user.self_password',
  'client.not_found',
  'ticket.not_found',
  'ticket.client_required',
  'ticket.client_unknown',
  'ticket.client_not_allowed',
  'ticket.no_client',
  'ticket.internal_staff_only',
  'ticket.closed',
  'ticket.assignee_invalid',
  'ticket.staff_only',
  'ticket.client_only',
  'ticket.body_required',
  'attachment.not_found',
  'attachment.too_many',
  'attachment.too_large',
  'attachment.empty',
  'invoice.not_found',
  'invoice.client_unknown',
  'invoice.currency',
  'invoice.amount',
  'invoice.not_draft',
  'invoice.cannot_issue',
  'invoice.cannot_pay',
  'invoice.cannot_void',
  'telegram.not_configured',
  'telegram.bot_unavailable',
  'telegram.client_not_connected',
  'telegram.webhook_off',
  'notifications.kind_not_for_role',
  'delivery.not_found',
  'delivery.not_failed',
  'delivery.not_connected',
  'request.nul_character',
  'metrics.unauthorized',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const KNOWN: ReadonlySet<string> = new Set(ERROR_CODES);

/** Whether a value read from an answer is one of the codes, e.g. to narrow an error body's `code`. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && KNOWN.has(value);
}
