import { dataSourceOptions, runMigrations } from '@deskgram/api/database';
import { createTestDatabase, type TestDatabase } from '@deskgram/testing/harness';
import { DataSource } from 'typeorm';
import { Deliverer } from './deliverer';
import { DELIVERIES_CHANNEL } from './notification-queue';

/** Polls until `check` holds: the deliverer works asynchronously to the test. */
async function until(check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The deliverer on a real, migrated database when the database fails one of its statements. Telegram and the links
 * are stand-ins here (the API's end-to-end tests use the Bot API double): what is under test is what the deliverer
 * makes of its own database errors.
 */
describe('Deliverer and its own database errors', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let userId: string;
  let otherUserId: string;
  let deliverer: Deliverer | undefined;
  /** Every sendMessage: chat and text. */
  let sent: Array<{ chat: string; text: string }>;
  /** SQL fragments whose next execution fails, once each. */
  let failNext: string[];
  let linkFailures: number;
  let queries: string[];

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(database.url, [])).initialize();
    await runMigrations(dataSource);
    [{ id: userId }] = await dataSource.query(
      `INSERT INTO users (email, password_hash, role, display_name)
       VALUES ('deliver@example.org', 'x', 'agent', 'Dee Liver') RETURNING id`,
    );
    [{ id: otherUserId }] = await dataSource.query(
      `INSERT INTO users (email, password_hash, role, display_name)
       VALUES ('other@example.org', 'x', 'agent', 'Otto Other') RETURNING id`,
    );
    const query = dataSource.query.bind(dataSource);
    dataSource.query = (async (sql: string, parameters?: unknown[]) => {
      queries.push(sql);
      const failing = failNext.findIndex((fragment) => sql.includes(fragment));
      if (failing >= 0) {
        failNext.splice(failing, 1);
        throw new Error('Connection terminated unexpectedly');
      }
      return query(sql, parameters);
    }) as typeof dataSource.query;
  });

  beforeEach(async () => {
    sent = [];
    failNext = [];
    linkFailures = 0;
    queries = [];
    await dataSource.query('DELETE FROM notification_deliveries');
  });

  afterEach(async () => {
    await deliverer?.onModuleDestroy();
    deliverer = undefined;
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  function start(): Deliverer {
    let messageId = 100;
    const bot = {
      telegraf: {
        telegram: {
          callApi: async (_method: string, payload: { chat_id: string; text: string }) => {
            sent.push({ chat: String(payload.chat_id), text: payload.text });
            return { message_id: (messageId += 1) };
          },
        },
      },
      paced: <T>(call: () => Promise<T>) => call(),
      redact: (text: string) => text,
      describe: (error: unknown) => (error instanceof Error ? error.message : String(error)),
    };
    const links = {
      linkOf: async (recipientId: string) => {
        if (linkFailures > 0) {
          linkFailures -= 1;
          throw new Error('Connection terminated unexpectedly');
        }
        return { chatId: recipientId === userId ? '42' : '43', state: 'connected' };
      },
      markChatBlocked: async () => 0,
    };
    deliverer = new Deliverer(dataSource, bot as never, links as never, { get: async () => null } as never, {
      perChatIntervalMs: 1,
      workerRetryMs: 50,
    });
    deliverer.onApplicationBootstrap();
    return deliverer;
  }

  async function queue(texts: string[], chat = '42', dueIn = '0 seconds'): Promise<string[]> {
    const ids: string[] = [];
    for (const text of texts) {
      const [{ id }] = await dataSource.query(
        `INSERT INTO notification_deliveries (recipient_id, chat_id, kind, reference, text, next_attempt_at)
         VALUES ($1, $2, 'custom_message', 'test', $3, now() + $4::interval) RETURNING id`,
        [chat === '42' ? userId : otherUserId, chat, text, dueIn],
      );
      ids.push(id);
    }
    // As a commit that queued deliveries does.
    await dataSource.query(`NOTIFY ${DELIVERIES_CHANNEL}`);
    return ids;
  }

  const statuses = async () =>
    (
      await dataSource.query(
        `SELECT text, status::text, telegram_message_id, last_error FROM notification_deliveries ORDER BY seq`,
      )
    ).map((row: { text: string; status: string }) => `${row.text}:${row.status}`);

  it('sends a message Telegram accepted only once when recording `sent` fails, and records it before going on', async () => {
    failNext = ["SET status = 'sent'"];
    start();
    await queue(['one', 'two']);
    await until(async () => (await statuses()).join() === 'one:sent,two:sent');
    expect(sent.map((message) => message.text)).toEqual(['one', 'two']);
    const [first] = await dataSource.query(
      `SELECT telegram_message_id FROM notification_deliveries WHERE text = 'one'`,
    );
    expect(first.telegram_message_id).toBe('101');
    // The failure did happen.
    expect(failNext).toEqual([]);
  });

  it('does not leave a row `sending` when reading the link fails: it is retried and sent', async () => {
    linkFailures = 1;
    start();
    await queue(['hello']);
    await until(async () => {
      const [row] = await dataSource.query(`SELECT status::text, last_error FROM notification_deliveries`);
      return row.status === 'pending' && String(row.last_error).includes('Could not prepare the message');
    });
    await until(async () => (await statuses()).join() === 'hello:sent');
    expect(sent.map((message) => message.text)).toEqual(['hello']);
  });

  it('keeps the outcome when even the retry cannot be recorded, and records it on a later turn', async () => {
    linkFailures = 1;
    failNext = ["SET status = 'pending', next_attempt_at"];
    start();
    await queue(['later']);
    await until(async () => (await statuses()).join() === 'later:sent');
    expect(sent.map((message) => message.text)).toEqual(['later']);
    expect(failNext).toEqual([]);
    expect(linkFailures).toBe(0);
  });

  it('on taking over, writes what it owes before queueing rows left `sending` again', async () => {
    // A previous holder's row, left mid-send, and a message of the same chat behind it.
    const [left] = await queue(['left behind', 'behind it']);
    await dataSource.query(`UPDATE notification_deliveries SET status = 'sending', attempts = 1 WHERE id = $1`, [left]);
    start();
    await until(async () => (await statuses()).join() === 'left behind:sent,behind it:sent');
    expect(sent.map((message) => message.text)).toEqual(['left behind', 'behind it']);
  });

  it('sleeps while a chat’s head waits, instead of polling the database', async () => {
    start();
    await until(() => deliverer?.state === 'active');
    // Chat 42's head waits an hour (as after a long back-off); its later message is due but must wait behind it.
    await queue(['head'], '42', '1 hour');
    await queue(['queued behind'], '42');
    // Another chat's message due shortly: the deliverer must wake for it, and not much before.
    await queue(['other chat'], '43', '1.5 seconds');
    queries = [];
    await until(() => sent.some((message) => message.text === 'other chat'));
    const claims = queries.filter((sql) => sql.includes("SET status = 'sending'")).length;
    // A NOTIFY per insert and one wake-up at the due time; a 10 ms poll would have claimed about 150 times.
    expect(claims).toBeLessThan(10);
    expect(sent.map((message) => message.text)).toEqual(['other chat']);
  }, 20_000);
});
