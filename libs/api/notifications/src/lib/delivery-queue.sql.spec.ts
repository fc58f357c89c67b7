import { dataSourceOptions, runMigrations } from '@deskgram/api/database';
import { createTestDatabase, type TestDatabase } from '@deskgram/testing/harness';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { claimStatement, untilClaimableStatement } from './delivery-queue.sql';

/**
 * The deliverer's queue statements on a real, migrated database: what a claim takes (each chat's first open row,
 * in order, never a second row of a chat in flight, never a row another claim holds) and when the next head is due.
 */
describe('the delivery queue statements', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let recipient: string;

  /** Queues one row for `chat` and answers its text (the rows are told apart by it). */
  async function queue(chat: number, text: string, values: { status?: string; dueInMs?: number } = {}) {
    await dataSource.query(
      `INSERT INTO notification_deliveries (recipient_id, chat_id, kind, reference, text, status, next_attempt_at)
       VALUES ($1, $2, 'ticket_reply', 'T-1', $3, $4, now() + make_interval(secs => $5::double precision / 1000))`,
      [recipient, chat, text, values.status ?? 'pending', values.dueInMs ?? 0],
    );
    return text;
  }

  /** The texts of the rows a claim takes, through TypeORM (as the deliverer) or on a connection of its own. */
  async function claim(connection?: Client, batch = 100): Promise<string[]> {
    const rows: Array<{ text: string }> = connection
      ? (await connection.query<{ text: string }>(claimStatement(batch))).rows
      : (await dataSource.query(claimStatement(batch)))[0];
    return rows.map((row) => row.text).sort();
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(database.url, []) as never).initialize();
    await runMigrations(dataSource);
    const [row] = await dataSource.query(
      `INSERT INTO users (email, password_hash, role, display_name) VALUES ('queue@example.org', 'x', 'agent', 'Queue')
       RETURNING id`,
    );
    recipient = row.id;
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  beforeEach(async () => {
    await dataSource.query('DELETE FROM notification_deliveries');
  });

  it('takes the first open row of each chat, and nothing of a chat with a row in flight', async () => {
    await queue(1, 'a1');
    await queue(1, 'a2');
    await queue(2, 'b1');
    await queue(3, 'c0', { status: 'sent' });
    await queue(3, 'c1', { status: 'sending' });
    await queue(3, 'c2');

    expect(await claim()).toEqual(['a1', 'b1']);
    // a1 is in flight now: a2 waits for it.
    expect(await claim()).toEqual([]);
    await dataSource.query(`UPDATE notification_deliveries SET status = 'sent' WHERE text IN ('a1', 'c1')`);
    expect(await claim()).toEqual(['a2', 'c2']);
  });

  it('lets a head that waits (back-off, retry_after) hold its chat’s later rows, and names when it is due', async () => {
    await queue(1, 'a1', { dueInMs: 30_000 });
    await queue(1, 'a2');
    await queue(2, 'b1', { status: 'sending' });
    await queue(2, 'b2');

    expect(await claim()).toEqual([]);
    const [{ ms }] = await dataSource.query(untilClaimableStatement(1000));
    expect(ms).toBeGreaterThan(20_000);
    expect(ms).toBeLessThanOrEqual(30_000);
  });

  it('answers null when no head falls due (every open chat has a row in flight)', async () => {
    await queue(1, 'a1', { status: 'sending' });
    await queue(1, 'a2');
    const [{ ms }] = await dataSource.query(untilClaimableStatement(1000));
    expect(ms).toBeNull();
  });

  it('passes over rows another claim holds, and over the later rows of their chats', async () => {
    await queue(1, 'a1');
    await queue(1, 'a2');
    await queue(2, 'b1');
    const first = new Client({ connectionString: database.url });
    await first.connect();
    try {
      await first.query('BEGIN');
      // One row: the first claim in seq order holds a1 until it commits.
      expect(await claim(first, 1)).toEqual(['a1']);
      expect(await claim()).toEqual(['b1']);
      await first.query('COMMIT');
    } finally {
      await first.end();
    }
    expect(await claim()).toEqual([]);
  });
});
