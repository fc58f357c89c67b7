import { dataSourceOptions, runMigrations } from '@deskgram/api/database';
import { createTestDatabase, type TestDatabase } from '@deskgram/testing/harness';
import { DataSource } from 'typeorm';
import { ENTITIES } from '../entities';
import { Housekeeping } from './housekeeping';

/** Housekeeping on a migrated database: old rows go, fresh ones and everything still needed stay. */
describe('housekeeping', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let userId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(database.url, ENTITIES)).initialize();
    await runMigrations(dataSource);
    [{ id: userId }] = await dataSource.query(
      `INSERT INTO users (email, password_hash, role, display_name)
       VALUES ('keeper@example.org', 'x', 'agent', 'Kim Keeper') RETURNING id`,
    );
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  /** Rows of every kind, old and fresh, each told apart by a label (its token bytes, key or reference). */
  async function seed(): Promise<void> {
    const token = (label: string, expires: string, used: string | null, revoked: string | null) =>
      dataSource.query(
        `INSERT INTO refresh_tokens (token_hash, family_id, user_id, expires_at, used_at, revoked_at)
         VALUES (convert_to($1, 'UTF8'), gen_random_uuid(), $2, now() + $3::interval,
                 now() + $4::interval, now() + $5::interval)`,
        [label, userId, expires, used, revoked],
      );
    await token('expired', '-1 minute', null, null);
    await token('live', '29 days', null, null);
    await token('used-live', '20 days', '-10 days', null);
    await token('revoked-live', '20 days', null, '-10 days');

    await dataSource.query(
      `INSERT INTO sign_in_failures (key, failed_at)
       VALUES ('email:old', now() - interval '2 hours'), ('email:recent', now() - interval '5 minutes')`,
    );

    const linkToken = (label: string, expires: string, used: string | null) =>
      dataSource.query(
        `INSERT INTO telegram_link_tokens (token_hash, user_id, expires_at, used_at)
         VALUES (convert_to($1, 'UTF8'), $2, now() + $3::interval, now() + $4::interval)`,
        [label, userId, expires, used],
      );
    await linkToken('expired-long-ago', '-2 days', null);
    await linkToken('used-long-ago', '-1 day -1 hour', '-2 days');
    await linkToken('just-used', '10 minutes', '-1 minute');
    await linkToken('fresh', '15 minutes', null);

    const delivery = (reference: string, status: string, age: string) =>
      dataSource.query(
        `INSERT INTO notification_deliveries (recipient_id, chat_id, kind, reference, text, status, created_at, updated_at)
         VALUES ($1, 42, 'custom_message', $2, 'text', $3, now() - $4::interval, now() - $4::interval)`,
        [userId, reference, status, age],
      );
    await delivery('old-sent', 'sent', '91 days');
    await delivery('old-failed', 'failed', '100 days');
    await delivery('old-cancelled', 'cancelled', '365 days');
    await delivery('old-pending', 'pending', '200 days');
    await delivery('recent-sent', 'sent', '89 days');

    await dataSource.query(
      `INSERT INTO telegram_updates (update_id, handled_at) VALUES (1, now() - interval '8 days'), (2, now() - interval '1 day')`,
    );
    const [client]: Array<{ id: string }> = await dataSource.query(
      `INSERT INTO clients (name, email) VALUES ('Housekeeping Ltd', 'hk@example.org') RETURNING id`,
    );
    const [opened]: Array<{ id: string }> = await dataSource.query(
      `INSERT INTO tickets (subject, client_id, creator_id, status, priority) VALUES ('Old', $1, $2, 'open', 'normal')
       RETURNING id`,
      [client.id, userId],
    );
    await dataSource.query(
      `INSERT INTO telegram_ticket_drafts (user_id, text, created_at) VALUES ($1, 'old-draft', now() - interval '8 days'),
              ($1, 'new-draft', now() - interval '6 days')`,
      [userId],
    );
    // A year-old notification's message: a Reply to it must still find the ticket.
    await dataSource.query(
      `INSERT INTO telegram_ticket_messages (chat_id, message_id, user_id, ticket_id, created_at)
       VALUES (42, 7, $1, $2, now() - interval '365 days')`,
      [userId, opened.id],
    );
  }

  it('removes expired tokens, old sign-in failures, spent link tokens and old final deliveries; keeps the rest', async () => {
    await seed();
    const housekeeping = new Housekeeping(dataSource, { deliveryRetentionDays: 90, intervalMinutes: 60 });
    expect(await housekeeping.prune()).toEqual({
      refreshTokens: 1,
      signInFailures: 1,
      linkTokens: 2,
      deliveries: 3,
      telegramUpdates: 1,
      ticketDrafts: 1,
    });

    const left = async (sql: string) => (await dataSource.query(sql)).map((row: { label: string }) => row.label).sort();
    expect(await left(`SELECT convert_from(token_hash, 'UTF8') AS label FROM refresh_tokens`)).toEqual([
      'live',
      'revoked-live',
      'used-live',
    ]);
    expect(await left(`SELECT key AS label FROM sign_in_failures`)).toEqual(['email:recent']);
    expect(await left(`SELECT convert_from(token_hash, 'UTF8') AS label FROM telegram_link_tokens`)).toEqual([
      'fresh',
      'just-used',
    ]);
    expect(await left(`SELECT reference AS label FROM notification_deliveries`)).toEqual([
      'old-pending',
      'recent-sent',
    ]);
    expect(await left(`SELECT update_id::text AS label FROM telegram_updates`)).toEqual(['2']);
    expect(await left(`SELECT text AS label FROM telegram_ticket_drafts`)).toEqual(['new-draft']);
    expect(await left(`SELECT message_id::text AS label FROM telegram_ticket_messages`)).toEqual(['7']);
    // A second run finds nothing more.
    expect(await housekeeping.prune()).toEqual({
      refreshTokens: 0,
      signInFailures: 0,
      linkTokens: 0,
      deliveries: 0,
      telegramUpdates: 0,
      ticketDrafts: 0,
    });
  });

  it('runs by itself shortly after start, under its lock, and stops cleanly', async () => {
    await dataSource.query(
      `INSERT INTO sign_in_failures (key, failed_at) VALUES ('email:stale', now() - interval '3 hours')`,
    );
    const housekeeping = new Housekeeping(dataSource, { deliveryRetentionDays: 90, intervalMinutes: 60 });
    housekeeping.onApplicationBootstrap();
    try {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const rows = await dataSource.query(`SELECT 1 FROM sign_in_failures WHERE key = 'email:stale'`);
        if (rows.length === 0) break;
        if (Date.now() > deadline) throw new Error('Housekeeping did not run');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(housekeeping.state).toBe('active');
    } finally {
      await housekeeping.onModuleDestroy();
    }
    // In this database only: pg_locks shows the whole server's locks, and another API (another test project, another
    // run) may hold the housekeeping lock in its own database at the same time.
    const held = await dataSource.query(
      `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = 4242006
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    expect(held).toEqual([]);
  });
});
