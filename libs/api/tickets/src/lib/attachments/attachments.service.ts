import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@deskgram/api/auth';
import { InvalidInputError, NotFoundError, PayloadTooLargeError } from '@deskgram/api/common';
import { isStaffRole } from '@deskgram/shared/contract';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { cleanFileName, contentTypeOf, readUpTo } from './attachment-files';
import { AttachmentStorage } from './attachment-storage';
import { ATTACHMENTS_OPTIONS, type AttachmentsOptions, MAX_FILES_PER_MESSAGE } from './attachments.options';
import { TicketAttachmentEntity } from './ticket-attachment.entity';

/** A file to attach, from the portal's upload or (later) from Telegram. */
export interface AttachmentInput {
  /** As the uploader named it; cleaned before it is stored. */
  fileName: string;
  data: Buffer | Readable;
  /** The size announced, in bytes: a file announced over the limit is refused before it is read. */
  size: number;
}

/** A file checked and read, ready to be stored with its message. */
export interface PreparedAttachment {
  fileName: string;
  data: Buffer;
  size: number;
  contentType: string;
}

export function megabytes(bytes: number): string {
  return String(Math.round((bytes / 1024 / 1024) * 100) / 100);
}

/**
 * Files on ticket messages: checks them against the limits before anything is written, stores their bytes and rows
 * in the transaction of the message, and hands them out under the ticket's access rules.
 */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly storage: AttachmentStorage,
    @Inject(ATTACHMENTS_OPTIONS) private readonly options: AttachmentsOptions,
  ) {}

  private get attachments() {
    return this.txHost.tx.getRepository(TicketAttachmentEntity);
  }

  /**
   * Checks every file (how many, none empty, none over the limit), reads it and finds its type, or throws
   * `attachment.too_many` / `attachment.empty` (400) or `attachment.too_large` (413) having stored nothing.
   */
  async prepare(files: readonly AttachmentInput[]): Promise<PreparedAttachment[]> {
    if (files.length > MAX_FILES_PER_MESSAGE) {
      throw new InvalidInputError(
        'attachment.too_many',
        `Too many files: at most ${MAX_FILES_PER_MESSAGE} go with one message, not ${files.length}`,
      );
    }
    const limit = this.options.maxFileBytes;
    const prepared: PreparedAttachment[] = [];
    for (const file of files) {
      const fileName = cleanFileName(file.fileName);
      const tooLarge = () =>
        new PayloadTooLargeError(
          'attachment.too_large',
          `${fileName} is larger than ${megabytes(limit)} MB, the most a file may have`,
        );
      if (file.size > limit) throw tooLarge();
      const data = Buffer.isBuffer(file.data) ? file.data : await readUpTo(file.data, limit);
      if (data === null || data.length > limit) throw tooLarge();
      if (data.length === 0) throw new InvalidInputError('attachment.empty', `${fileName} is empty`);
      prepared.push({ fileName, data, size: data.length, contentType: await contentTypeOf(data) });
    }
    return prepared;
  }

  /** Stores the files of a message; call inside the message's transaction, so that a rollback keeps none. */
  async save(messageId: string, files: readonly PreparedAttachment[]): Promise<TicketAttachmentEntity[]> {
    const saved: TicketAttachmentEntity[] = [];
    for (const [position, file] of files.entries()) {
      const id = randomUUID();
      await this.storage.put(id, file.data, file.size);
      saved.push(
        await this.attachments.save(
          this.attachments.create({
            id,
            messageId,
            position,
            fileName: file.fileName,
            size: file.size,
            contentType: file.contentType,
          }),
        ),
      );
    }
    return saved;
  }

  /**
   * An attachment and its bytes, when the actor may see its message: staff see every one; a client user only those
   * of their client's tickets and never those of internal notes. Anything else is `attachment.not_found`.
   */
  async open(actor: AuthenticatedUser, id: string): Promise<{ attachment: TicketAttachmentEntity; content: Readable }> {
    const query = this.attachments
      .createQueryBuilder('attachment')
      .innerJoin('attachment.message', 'message')
      .innerJoin('message.ticket', 'ticket')
      .where('attachment.id = :id', { id });
    if (!isStaffRole(actor.role)) {
      query
        .andWhere('ticket.clientId = :ownClient', { ownClient: actor.clientId })
        .andWhere('message.internal = FALSE');
    }
    const attachment = await query.getOne();
    const content = attachment ? await this.storage.get(attachment.id) : null;
    if (!attachment || !content) throw new NotFoundError('attachment.not_found', `No attachment with id ${id}`);
    return { attachment, content };
  }
}
