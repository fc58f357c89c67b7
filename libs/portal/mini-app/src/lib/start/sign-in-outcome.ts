import { HttpErrorResponse } from '@angular/common/http';

/** Why signing in with Telegram failed, as the start page explains it. */
export type TelegramSignInFailure =
  | 'notLinked'
  | 'invalid'
  | 'expired'
  | 'throttled'
  | 'notConfigured'
  | 'offline'
  | 'noInitData'
  | 'unexpected';

/**
 * Reads the API's refusal of `POST /api/auth/telegram`: 401 `auth.telegram_not_linked` (valid, but no linked account),
 * `auth.telegram_invalid`, `auth.telegram_expired`; 400 `auth.telegram_malformed`; 429; 503 `telegram.not_configured`.
 */
export function telegramSignInFailure(error: unknown): TelegramSignInFailure {
  if (!(error instanceof HttpErrorResponse)) {
    return 'unexpected';
  }
  const body: unknown = error.error;
  const code = typeof body === 'object' && body !== null ? (body as { code?: unknown }).code : undefined;
  switch (code) {
    case 'auth.telegram_not_linked':
      return 'notLinked';
    case 'auth.telegram_invalid':
    case 'auth.telegram_malformed':
      return 'invalid';
    case 'auth.telegram_expired':
      return 'expired';
    case 'telegram.not_configured':
      return 'notConfigured';
  }
  if (error.status === 0) {
    return 'offline';
  }
  if (error.status === 429) {
    return 'throttled';
  }
  return error.status === 503 ? 'notConfigured' : 'unexpected';
}
