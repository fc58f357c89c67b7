import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ErrorCode } from '@deskgram/shared/contract';
import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { DomainError, type DomainErrorKind, TooManyRequestsError } from './domain-error';
import type { HttpErrorDto } from './http-error';

const STATUS_OF_KIND: Record<DomainErrorKind, HttpStatus> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthorized: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  too_many: HttpStatus.TOO_MANY_REQUESTS,
  too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

/**
 * Errors that body-parser and other Express middleware raise before Nest sees the request carry their status on
 * the error itself (`status` or `statusCode`): malformed JSON is 400, an oversized body 413.
 */
function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate =
    (error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode;
  return typeof candidate === 'number' && candidate >= 400 && candidate < 500 ? candidate : undefined;
}

function messageOf(body: unknown, fallback: string): string {
  if (typeof body === 'object' && body !== null && 'message' in body) {
    const message = (body as { message: unknown }).message;
    if (Array.isArray(message)) return message.map(String).join('; ');
    if (typeof message === 'string') return message;
  }
  if (typeof body === 'string') return body;
  return fallback;
}

/**
 * The single place where failures become HTTP answers. Domain errors map by kind; Nest's HTTP exceptions keep their
 * status with the message flattened to one string; anything else is a 500 whose details stay in the log, never in
 * the answer.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger(AllExceptionsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    // A bot handler's error goes back to telegraf, whose error handler logs it; there is no HTTP response to write.
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;

    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      // Health checks answer with their own documented shape (`{ status, info, error, details }`): keep it.
      if (typeof body === 'object' && body !== null && !('message' in body)) {
        response.status(exception.getStatus()).json(body);
        return;
      }
      this.send(response, exception.getStatus(), messageOf(body, exception.message));
      return;
    }
    if (exception instanceof DomainError) {
      if (exception instanceof TooManyRequestsError) {
        response.setHeader('Retry-After', String(exception.retryAfterSeconds));
      }
      this.send(response, STATUS_OF_KIND[exception.kind], exception.message, exception.code);
      return;
    }
    const status = httpStatusOf(exception);
    if (status !== undefined) {
      this.send(response, status, messageOf(exception, STATUS_CODES[status] ?? 'Bad request'));
      return;
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    this.send(response, HttpStatus.INTERNAL_SERVER_ERROR, 'Internal server error');
  }

  private send(response: Response, statusCode: number, message: string, code?: ErrorCode): void {
    const body: HttpErrorDto = { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
    if (code) body.code = code;
    response.status(statusCode).json(body);
  }
}
