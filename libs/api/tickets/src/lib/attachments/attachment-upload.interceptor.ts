import {
  BadRequestException,
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { InvalidInputError, PayloadTooLargeError } from '@deskgram/api/common';
import type { Observable } from 'rxjs';
import { ATTACHMENTS_OPTIONS, type AttachmentsOptions, MAX_FILES_PER_MESSAGE } from './attachments.options';
import { megabytes } from './attachments.service';

/** The form field that carries the files. */
export const FILES_FIELD = 'files';
const MAX_FORM_FIELDS = 20;
const MAX_FORM_FIELD_BYTES = 1024 * 1024;

/**
 * Reads a `multipart/form-data` body (other bodies pass untouched): its fields into the body, its `files` into
 * `request.files`. Files are held in memory (multer's memory storage): at most 10 per message of at most
 * `MAX_ATTACHMENT_MB` each, and the PostgreSQL store takes them whole anyway. Past a limit the upload stops at once
 * with `attachment.too_many` (400) or `attachment.too_large` (413), before anything is stored.
 */
@Injectable()
export class AttachmentUploadInterceptor implements NestInterceptor {
  private readonly multipart: NestInterceptor;

  constructor(@Inject(ATTACHMENTS_OPTIONS) private readonly options: AttachmentsOptions) {
    const Multipart = FilesInterceptor(FILES_FIELD, undefined, {
      limits: {
        files: MAX_FILES_PER_MESSAGE,
        // Busboy calls a file that reaches the limit too large, as it cannot tell whether more follows.
        fileSize: options.maxFileBytes + 1,
        fields: MAX_FORM_FIELDS,
        fieldSize: MAX_FORM_FIELD_BYTES,
      },
    });
    this.multipart = new Multipart();
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    let handled: Observable<unknown>;
    try {
      handled = await this.multipart.intercept(context, next);
    } catch (error) {
      throw this.explained(error);
    }
    // A form sends an empty field for an empty text box: with files, that is a message without text.
    const request = context.switchToHttp().getRequest<{ body?: Record<string, unknown>; files?: unknown }>();
    const body = request.body;
    if (Array.isArray(request.files) && request.files.length > 0 && typeof body?.['body'] === 'string') {
      if (body['body'].trim() === '') delete body['body'];
    }
    return handled;
  }

  private explained(error: unknown): unknown {
    if (error instanceof PayloadTooLargeException) {
      return new PayloadTooLargeError(
        'attachment.too_large',
        `A file is larger than ${megabytes(this.options.maxFileBytes)} MB, the most a file may have`,
      );
    }
    if (error instanceof BadRequestException) {
      if (/^Too many files/.test(error.message)) {
        return new InvalidInputError(
          'attachment.too_many',
          `Too many files: at most ${MAX_FILES_PER_MESSAGE} go with one message`,
        );
      }
      const unexpected = /^Unexpected field - (.*)$/.exec(error.message);
      if (unexpected) {
        return new BadRequestException(`Files go in the form field "${FILES_FIELD}", not "${unexpected[1]}"`);
      }
    }
    return error;
  }
}
