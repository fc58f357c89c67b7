import type { Readable } from 'node:stream';

/**
 * Where the bytes of attachments live, by key (the attachment's id). The one implementation today,
 * `PostgresAttachmentStorage`, keeps them in the database, inside the transaction of the message. An S3-compatible
 * store would be another subclass provided under this class in `AttachmentsModule.forRoot` (writing the object in
 * `put`, and deleting it again when the transaction rolls back, e.g. with `TransactionHost`'s after-rollback hook or
 * a housekeeping sweep of keys no attachment row names).
 */
export abstract class AttachmentStorage {
  /** Stores `data` (exactly `size` bytes) under `key`. */
  abstract put(key: string, data: Buffer, size: number): Promise<void>;

  /** The bytes stored under `key`, or null when there are none. */
  abstract get(key: string): Promise<Readable | null>;

  /** Removes the bytes under `key`; no error when there are none. */
  abstract delete(key: string): Promise<void>;
}
