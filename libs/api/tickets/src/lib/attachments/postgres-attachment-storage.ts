import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Readable } from 'node:stream';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { AttachmentStorage } from './attachment-storage';

/** The bytes of one attachment, for `PostgresAttachmentStorage`. */
@Entity('attachment_contents')
export class AttachmentContentEntity {
  @PrimaryColumn({ type: 'uuid' })
  key!: string;

  @Column({ type: 'bytea' })
  data!: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * Attachments in PostgreSQL (`bytea`), written through `TransactionHost`, so they join the transaction of the
 * message: a rollback leaves no file behind. `bytea` is read and written whole (pg has no streaming for it); the
 * size limit keeps that bounded.
 */
@Injectable()
export class PostgresAttachmentStorage extends AttachmentStorage {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  private get contents() {
    return this.txHost.tx.getRepository(AttachmentContentEntity);
  }

  async put(key: string, data: Buffer): Promise<void> {
    await this.contents.insert({ key, data });
  }

  async get(key: string): Promise<Readable | null> {
    const row = await this.contents.findOne({ where: { key } });
    return row ? Readable.from([row.data]) : null;
  }

  async delete(key: string): Promise<void> {
    await this.contents.delete({ key });
  }
}
