import { HttpErrorResponse } from '@angular/common/http';
import { type TranslocoService } from '@jsverse/transloco';

/** What the API said about a call that failed. */
export interface ApiError {
  /** The HTTP status; 0 when the API could not be reached, null when the failure was not an HTTP one. */
  readonly status: number | null;
  /** The stable code of a domain error (`user.email_taken`), when the API sent one. */
  readonly code: string | null;
  /** The API's own explanation, written for people. */
  readonly message: string | null;
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
  return { status: failure.status, code: field('code'), message: field('message') };
}

/**
 * The sentence to show a person for a failed call: the translation of a code the page knows (`codes` maps API
 * codes to translation keys), otherwise the API's own message, otherwise a general line in the current language.
 */
export function apiErrorText(
  error: unknown,
  transloco: TranslocoService,
  codes: Readonly<Record<string, string>> = {},
): string {
  const { status, code, message } = apiErrorOf(error);
  const key = code === null ? undefined : codes[code];
  if (key) {
    return transloco.translate(key);
  }
  if (status === 0) {
    return transloco.translate('common.offline');
  }
  return message ?? transloco.translate('common.unexpectedError');
}
