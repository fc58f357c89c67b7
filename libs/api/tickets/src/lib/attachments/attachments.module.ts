import { type DynamicModule, Global, Module } from '@nestjs/common';
import { AttachmentStorage } from './attachment-storage';
import { ATTACHMENTS_OPTIONS, type AttachmentsOptions } from './attachments.options';
import { PostgresAttachmentStorage } from './postgres-attachment-storage';

/**
 * The attachments' limits and their storage, for `TicketsModule` (which the bot imports as it is, so these come from
 * a global module of their own). `storage` is where an S3-compatible store would plug in.
 */
@Global()
@Module({})
export class AttachmentsModule {
  static forRoot(options: AttachmentsOptions): DynamicModule {
    return {
      module: AttachmentsModule,
      providers: [
        { provide: ATTACHMENTS_OPTIONS, useValue: options },
        { provide: AttachmentStorage, useClass: options.storage ?? PostgresAttachmentStorage },
      ],
      exports: [ATTACHMENTS_OPTIONS, AttachmentStorage],
    };
  }
}
