import type { Type } from '@nestjs/common';
import type { AttachmentStorage } from './attachment-storage';

/** At most this many files go with one message. */
export const MAX_FILES_PER_MESSAGE = 10;

export interface AttachmentsOptions {
  /** The largest file taken, in bytes (`MAX_ATTACHMENT_MB`). */
  maxFileBytes: number;
  /** Where the bytes go; `PostgresAttachmentStorage` unless another store is given. */
  storage?: Type<AttachmentStorage>;
}

export const ATTACHMENTS_OPTIONS = Symbol('ATTACHMENTS_OPTIONS');
