import { dataSourceOptions, migrations, runMigrations } from '@deskgram/api/database';
import { createTestDatabase, type TestDatabase } from '@deskgram/testing/harness';
import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';

/**
 * The drift check: after every migration has run, the entities need no further change. When this fails, an entity
 * changed without a migration: run `npm run migration:generate -- <Name>`.
 */
describe('database schema', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(database.url, ENTITIES)).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('matches the entities once the migrations have run, so migration:generate would write nothing', async () => {
    await runMigrations(dataSource);
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('runs the migrations only once when two processes start together', async () => {
    const second = await new DataSource(dataSourceOptions(database.url, ENTITIES)).initialize();
    try {
      await Promise.all([runMigrations(dataSource), runMigrations(second)]);
      const applied = await dataSource.query('SELECT name FROM migrations');
      expect(applied).toHaveLength(migrations.length);
    } finally {
      await second.destroy();
    }
  });

  it('can be rolled back to nothing and built again', async () => {
    for (let i = 0; i < migrations.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await dataSource.query('SELECT name FROM migrations')).toEqual([]);
    await runMigrations(dataSource);
    expect(await dataSource.query('SELECT name FROM migrations')).toHaveLength(migrations.length);
  });
});
