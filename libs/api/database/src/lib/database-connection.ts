import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DATABASE_OPTIONS, type DatabaseModuleOptions } from './database.options';
import { EmbeddedDatabase } from './embedded-database';

/**
 * Resolves where the database is: the configured server, or an embedded one this process starts and, on shutdown,
 * stops after the connection pool is closed.
 */
@Injectable()
export class DatabaseServer implements OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseServer.name);
  private embedded?: EmbeddedDatabase;
  private url?: Promise<string>;

  constructor(@Inject(DATABASE_OPTIONS) private readonly options: DatabaseModuleOptions) {}

  get isEmbedded(): boolean {
    return !this.options.url;
  }

  connectionUrl(): Promise<string> {
    this.url ??= this.resolveUrl();
    return this.url;
  }

  private async resolveUrl(): Promise<string> {
    if (this.options.url) return this.options.url;
    this.logger.log('DATABASE_URL is not set: using the embedded PostgreSQL');
    this.embedded = new EmbeddedDatabase(this.options.embeddedDataDir);
    return this.embedded.start();
  }

  /** Closes the pool first so that stopping the embedded server does not cut live connections. */
  async closeWith(dataSource: DataSource | undefined): Promise<void> {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await this.embedded?.stop();
    this.embedded = undefined;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.embedded?.stop();
  }
}

/** Stops the embedded server after TypeORM's pool is gone; lives beside the data source so it can close it. */
@Injectable()
export class DatabaseShutdown implements OnApplicationShutdown {
  constructor(
    private readonly server: DatabaseServer,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.server.closeWith(this.dataSource);
  }
}
