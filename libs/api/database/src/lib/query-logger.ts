import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * TypeORM's log, through the application's logger (pino, JSON in production) and never with query parameters:
 * they hold password and token hashes, e-mail addresses and Telegram ids. TypeORM's own loggers print them, and
 * print to the console beside the JSON lines. Statements are logged at debug, only when asked for.
 */
export class QueryLogger implements TypeOrmLogger {
  private readonly logger = new Logger('TypeORM');

  constructor(private readonly logQueries: boolean) {}

  logQuery(query: string): void {
    if (this.logQueries) this.logger.debug(oneLine(query));
  }

  logQueryError(error: string | Error, query: string): void {
    const reason = typeof error === 'string' ? error : error.message;
    this.logger.error(`Query failed: ${reason} -- ${oneLine(query)}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`Slow query (${time} ms): ${oneLine(query)}`);
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  /** run-migrations.ts reports what was applied; TypeORM's step-by-step account is for debugging. */
  logMigration(message: string): void {
    this.logger.debug(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.debug(String(message));
  }
}

/** A statement as one line, so that a log line stays one line in the pretty format too. */
function oneLine(query: string): string {
  return query.replace(/\s+/g, ' ').trim();
}
