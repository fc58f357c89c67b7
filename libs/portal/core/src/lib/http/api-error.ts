import { HttpErrorResponse } from '@angular/common/http';
import { type ErrorCode, isErrorCode } from '@deskgram/shared/contract';
import { type TranslocoService } from '@jsverse/transloco';

/** What the API said about a call that failed. */
export interface ApiError {
  /** The HTTP status; 0 when the API could not be reached, null when the failure was not an HTTP one. */
  readonly status: number | null;
  /** The stable code of a domain error (`user.email_taken`), when the API sent one this portal knows. */
  readonly code: ErrorCode | null;
  /** The API's own explanation, written for people. */
  readonly message: string | null;
}

/**
 * A page's own translation keys for some API error codes (`{ 'user.email_taken': 'clients.errors.emailTaken' }`):
 * a code the API never sends is a compile-time error.
 */
export type ErrorTexts = Readonly<Partial<Record<ErrorCode, string>>>;

/** The translation key of the general sentence for an error code: `apiErrors.<area>.<reason>` in en.json and ru.json. */
export function errorCodeKey(code: ErrorCode): `apiErrors.${ErrorCode}` {
  return `apiErrors.${code}`;
}

/**
 * The error body as an object. A call that answers nothing on success (204) is made with `responseType: 'text'`,
 * so its error body arrives as the JSON text.
 */
function bodyOf(error: unknown): unknown {
  if (typeof error !== 'string') {
    return error;
  }
  try {
    return JSON.parse(error) as unknown;
  } catch {
    return undefined;
  }
}

/** Reads a failure of a `DeskgramApi` call, also when a `resource()` has wrapped it. */
export function apiErrorOf(error: unknown): ApiError {
  const failure = error instanceof HttpErrorResponse ? error : (error as { cause?: unknown } | undefined)?.cause;
  if (!(failure instanceof HttpErrorResponse)) {
    return { status: null, code: null, message: null };
  }
  const body = bodyOf(failure.error);
  const field = (name: string): string | null => {
    const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
    return typeof value === 'string' && value.trim() !== '' ? value : null;
  };
  const code = field('code');
  return { status: failure.status, code: isErrorCode(code) ? code : null, message: field('message') };
}

/**
 * The sentence to show a person for a failed call: the page's own translation of the code (`codes`), otherwise the
 * general translation of the code (`apiErrors.*`), otherwise the API's own message, otherwise a general line in the
 * current language.
 */
export function apiErrorText(error: unknown, transloco: TranslocoService, codes: ErrorTexts = {}): string {
  const { status, code, message } = apiErrorOf(error);
  const key = code === null ? undefined : codes[code];
  if (key) {
    return transloco.translate(key);
  }
  if (status === 0) {
    return transloco.translate('common.offline');
  }
  if (code !== null) {
    const general = transloco.translate(errorCodeKey(code));
    if (general !== errorCodeKey(code)) {
      return general;
    }
  }
  return message ?? transloco.translate('common.unexpectedError');
}
