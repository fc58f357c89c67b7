import type { ErrorCode } from '@deskgram/shared/contract';

/**
 * What went wrong, in the words of the domain. The exception filter maps the kind to an HTTP status, so services
 * never import HTTP exceptions and stay usable from the bot, the deliverer and scripts.
 */
export type DomainErrorKind =
  | 'invalid'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'unauthorized'
  | 'too_many'
  | 'too_large'
  | 'unavailable';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  /** A stable machine-readable code, e.g. `ticket.not_found`: one of `ERROR_CODES` (@deskgram/shared/contract). */
  abstract readonly code: ErrorCode;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  readonly kind = 'not_found';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export class ConflictError extends DomainError {
  readonly kind = 'conflict';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export class InvalidInputError extends DomainError {
  readonly kind = 'invalid';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** A server without TELEGRAM_BOT_TOKEN asked for something that needs the bot: linking, or a Mini App sign-in. */
export function telegramNotConfigured(): UnavailableError {
  return new UnavailableError(
    'telegram.not_configured',
    'Telegram is not configured on this server: an administrator has to set TELEGRAM_BOT_TOKEN',
  );
}

export class UnavailableError extends DomainError {
  readonly kind = 'unavailable';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export class UnauthorizedError extends DomainError {
  readonly kind = 'unauthorized';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export class TooManyRequestsError extends DomainError {
  readonly kind = 'too_many';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Seconds until a new attempt may succeed; sent as `Retry-After`. */
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** The input is too large to take, such as a file over the size limit (413). */
export class PayloadTooLargeError extends DomainError {
  readonly kind = 'too_large';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}
