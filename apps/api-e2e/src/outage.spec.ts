import {
  type ApiProcess,
  createTestDatabase,
  type OwnPostgres,
  queryDatabase,
  startApi,
  startOwnPostgres,
  type TestDatabase,
} from '@deskgram/testing/harness';
import { TelegramBotApiDouble, type TelegramPerson } from '@deskgram/testing/telegram-bot-api';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO, type Session, TestClient } from './support/api-client';
import { BOT_TOKEN, eventually } from './support/telegram';

const JWT_SECRET = 'a-secret-that-is-long-enough-for-hs256!';

interface Health {
  status: string;
  info: { deliverer?: { status: string; state: string; queueDepth: number | null } };
  details: { deliverer?: { status: string; state: string; queueDepth: number | null } };
}

async function health(api: ApiProcess): Promise<{ code: number; body: Health }> {
  const response = await fetch(`${api.baseUrl}/api/health`);
  return { code: response.status, body: (await response.json()) as Health };
}

/** Starts the API with a bot on the given database, links Anna and Ben of Northwind and an agent. */
async function setUp(databaseUrl: string, telegram: TelegramBotApiDouble, dirs: string[]) {
  const dataDir = await mkdtemp(join(tmpdir(), 'deskgram-outage-'));
  dirs.push(dataDir);
  const api = await startApi({
    env: {
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      DEMO_DATA: 'true',
      JWT_SECRET,
      // What the workers say about losing and taking their locks, shown when a test fails.
      LOG_LEVEL: 'info',
      TELEGRAM_BOT_TOKEN: BOT_TOKEN,
      TELEGRAM_API_ROOT: telegram.url,
      PUBLIC_URL: 'https://help.example.org',
    },
  });
  const http = new TestClient(api.baseUrl);
  const [anna, ben, agent] = await Promise.all(
    [DEMO.client, DEMO.clientColleague, DEMO.agent].map((email) => http.signIn(email)),
  );
  const people = {
    anna: telegram.person({ firstName: 'Anna', languageCode: 'en' }),
    ben: telegram.person({ firstName: 'Ben', languageCode: 'en' }),
    // Hears nothing of the client's messages, so that the bot's answers to them are never paced behind them.
    agent: telegram.person({ firstName: 'Sam', languageCode: 'en' }),
  };
  for (const [session, person, area] of [
    [anna, people.anna, 'client'],
    [ben, people.ben, 'client'],
    [agent, people.agent, 'user'],
  ] as Array<[Session, TelegramPerson, string]>) {
    const response = await http.post(`/api/telegram/${area}/generate-link`, {}, session.accessToken);
    expect(response.status).toBe(200);
    const before = telegram.sentTo(person).length;
    await telegram.pressStart(person, new URL(response.body.url).searchParams.get('start') ?? '');
    await telegram.waitFor((message) => message.chatId === person.chatId && telegram.sentTo(person).length > before);
  }
  const send = async (text: string) => {
    const response = await http.post(
      `/api/telegram/client/${anna.user.clientId}/send-message`,
      { message: text },
      agent.accessToken,
    );
    expect(response.status).toBe(202);
  };
  return { api, http, anna, people, send };
}

/** The staff messages a person received, in order of arrival, without the greeting of linking. */
function staffMessages(telegram: TelegramBotApiDouble, person: TelegramPerson): string[] {
  return telegram
    .sentTo(person)
    .map((message) => message.text)
    .filter((text) => text.includes('writes:'))
    .map((text) => text.split('\n\n').slice(1).join('\n\n'));
}

async function answerTo(telegram: TelegramBotApiDouble, person: TelegramPerson, text: string) {
  const before = telegram.sentTo(person).length;
  await telegram.sendText(person, text);
  return eventually(async () => {
    const answer = telegram.sentTo(person)[before];
    if (!answer) throw new Error(`No answer to ${text} yet`);
    return answer;
  }, 30_000);
}

/**
 * The database goes away under a running API with a bot: the deliverer and the poller recover on their own, and
 * every queued message arrives, once and in order per chat.
 */
// Its own setup rather than useTestEnvironment: a PostgreSQL server of its own that the tests stop and start.
describe('database outages', () => {
  const dirs: string[] = [];
  let telegram: TelegramBotApiDouble;

  beforeAll(async () => {
    telegram = new TelegramBotApiDouble({ token: BOT_TOKEN, username: 'deskgram_test_bot' });
    await telegram.start();
  });

  afterAll(async () => {
    await telegram?.stop();
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  describe('the PostgreSQL server stops and starts again', () => {
    let postgres: OwnPostgres;
    let api: ApiProcess | undefined;

    beforeAll(async () => {
      postgres = await startOwnPostgres();
    }, 120_000);

    afterAll(async () => {
      await api?.stop();
      await postgres?.destroy();
    });

    it('delivers everything queued, in order and once, answers /status, and shows the deliverer active', async () => {
      const setup = await setUp(postgres.url, telegram, dirs);
      api = setup.api;
      const { people, send } = setup;
      expect((await health(api)).body.info.deliverer).toMatchObject({ status: 'up', state: 'active' });

      const texts = Array.from({ length: 8 }, (_, n) => `Outage message ${n + 1}`);
      for (const text of texts) await send(text);
      // Telegram's one message a second per chat spreads them out: the outage comes in the middle.
      await eventually(async () => expect(staffMessages(telegram, people.anna).length).toBeGreaterThanOrEqual(2));

      await postgres.stop();
      // The outage lasts until the deliverer has noticed it and failed to reconnect at least once.
      await eventually(async () => {
        const during = await health(api as ApiProcess);
        expect(during.code).toBe(503);
        expect(during.body.details.deliverer).toMatchObject({ status: 'down', state: 'down', queueDepth: null });
      }, 30_000);
      expect(staffMessages(telegram, people.anna).length).toBeLessThan(texts.length);

      await postgres.start();
      await eventually(async () => {
        expect(staffMessages(telegram, people.anna)).toEqual(texts);
        expect(staffMessages(telegram, people.ben)).toEqual(texts);
      }, 60_000);
      await eventually(async () => {
        const after = await health(api as ApiProcess);
        expect(after.code).toBe(200);
        expect(after.body.info.deliverer).toMatchObject({ status: 'up', state: 'active', queueDepth: 0 });
      }, 30_000);
      const rows = await queryDatabase<{ status: string; n: number }>(
        postgres.url,
        `SELECT status::text, count(*)::int AS n FROM notification_deliveries GROUP BY status`,
      );
      expect(rows).toEqual([{ status: 'sent', n: texts.length * 2 }]);

      const status = await answerTo(telegram, people.agent, '/status');
      expect(status.text).toContain(DEMO.agent);

      // And what was queued after the outage flows too.
      await send('After the outage');
      await eventually(async () => expect(staffMessages(telegram, people.ben)).toEqual([...texts, 'After the outage']));
    }, 240_000);
  });

  describe('the deliverer’s and the poller’s connections are cut', () => {
    let database: TestDatabase;
    let api: ApiProcess | undefined;

    beforeAll(async () => {
      database = await createTestDatabase();
    });

    afterAll(async () => {
      await api?.stop();
      await database?.drop();
    });

    const lockHolders = (name: string) =>
      queryDatabase<{ pid: number }>(
        database.url,
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
        [name],
      ).then((rows) => rows.map((row) => row.pid));

    it('takes the locks again on new connections, then delivers and answers', async () => {
      const setup = await setUp(database.url, telegram, dirs);
      api = setup.api;
      const { people, send } = setup;
      const deliverer = await lockHolders('deskgram deliverer');
      const poller = await lockHolders('deskgram Telegram poller');
      expect(deliverer).toHaveLength(1);
      expect(poller).toHaveLength(1);

      await queryDatabase(database.url, 'SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [
        [...deliverer, ...poller],
      ]);
      await eventually(async () => {
        const [again] = await lockHolders('deskgram deliverer');
        expect(again).toBeDefined();
        expect(again).not.toBe(deliverer[0]);
        const [polling] = await lockHolders('deskgram Telegram poller');
        expect(polling).toBeDefined();
        expect(polling).not.toBe(poller[0]);
      }, 30_000);

      await send('After the cut');
      await eventually(async () => {
        expect(staffMessages(telegram, people.anna)).toEqual(['After the cut']);
        expect(staffMessages(telegram, people.ben)).toEqual(['After the cut']);
      }, 30_000);
      const status = await answerTo(telegram, people.agent, '/status').catch((error: unknown) => {
        process.stderr.write(api?.output() ?? '');
        throw error;
      });
      expect(status.text).toContain(DEMO.agent);
      expect((await health(api)).body.info.deliverer).toMatchObject({ status: 'up', state: 'active' });
    }, 120_000);
  });
});
