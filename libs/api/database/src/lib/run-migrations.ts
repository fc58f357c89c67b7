import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

/** Any constant both replicas agree on; it only has to differ from the other advisory locks of the product. */
export const MIGRATION_LOCK_KEY = 4_242_001;

/**
 * Runs pending migrations, each in its own transaction, while holding a session advisory lock: a second replica
 * starting at the same moment waits, then finds nothing left to do.
 */
export async function runMigrations(dataSource: DataSource): Promise<void> {
  const logger = new Logger('Migrations');
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length > 0) logger.log(`Applied ${applied.map((migration) => migration.name).join(', ')}`);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
