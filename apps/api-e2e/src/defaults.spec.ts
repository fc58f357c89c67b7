import {
  type ApiProcess,
  createTestDatabase,
  queryDatabase,
  startApi,
  type TestDatabase,
} from '@deskgram/testing/harness';
import { TelegramBotApiDouble } from '@deskgram/testing/telegram-bot-api';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO, DEMO_PASSWORD, TestClient } from './support/api-client';
import { BOT_TOKEN } from './support/telegram';

const JWT_SECRET = 'a-secret-that-is-long-enough-for-hs256!';
const ADMIN = { email: 'root@deskgram.example', password: 'bootstrap-password' };

/** What the built API does by default: demo data, and how it logs. */
// Its own setup rather than useTestEnvironment: every test starts the API with different defaults left out.
describe('defaults of the built API', () => {
  let database: TestDatabase;
  let dataDir: string;
  let api: ApiProcess | undefined;

  beforeEach(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'deskgram-defaults-'));
  });

  afterEach(async () => {
    await api?.stop();
    api = undefined;
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function counts(): Promise<Record<string, number>> {
    const [row] = await queryDatabase<Record<string, string>>(
      database.url,
      `SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM clients) AS clients,
              (SELECT count(*) FROM tickets) AS tickets, (SELECT count(*) FROM invoices) AS invoices`,
    );
    return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Number(value)]));
  }

  it('creates no demo data on a DATABASE_URL unless DEMO_DATA=true says so', async () => {
    api = await startApi({ env: { DATABASE_URL: database.url, DATA_DIR: dataDir } });
    expect(await counts()).toEqual({ users: 0, clients: 0, tickets: 0, invoices: 0 });
    const http = new TestClient(api.baseUrl);
    expect((await http.post('/api/auth/login', { email: DEMO.admin, password: DEMO_PASSWORD })).status).toBe(401);
    expect(await api.stop()).toBe(0);

    api = await startApi({ env: { DATABASE_URL: database.url, DATA_DIR: dataDir, DEMO_DATA: 'true' } });
    const seeded = await counts();
    expect(seeded.users).toBeGreaterThan(5);
    expect(seeded.clients).toBeGreaterThan(2);
    expect(seeded.tickets).toBeGreaterThan(0);
    expect(seeded.invoices).toBeGreaterThan(0);
    const signIn = await new TestClient(api.baseUrl).post('/api/auth/login', {
      email: DEMO.admin,
      password: DEMO_PASSWORD,
    });
    expect(signIn.status).toBe(200);
  });

  it('logs SQL statements at debug and trace level, never their parameters (hashes, Telegram ids)', async () => {
    const telegram = new TelegramBotApiDouble({ token: BOT_TOKEN, username: 'deskgram_log_bot' });
    await telegram.start();
    try {
      api = await startApi({
        env: {
          DATABASE_URL: database.url,
          DATA_DIR: dataDir,
          JWT_SECRET,
          ADMIN_EMAIL: ADMIN.email,
          ADMIN_PASSWORD: ADMIN.password,
          TELEGRAM_BOT_TOKEN: BOT_TOKEN,
          TELEGRAM_API_ROOT: telegram.url,
          LOG_LEVEL: 'trace',
        },
      });
      const http = new TestClient(api.baseUrl);
      const admin = await http.signIn(ADMIN.email, ADMIN.password);
      const refreshed = await http.post('/api/auth/refresh', { refreshToken: admin.refreshToken });
      expect(refreshed.status).toBe(200);
      const { body: link } = await http.post('/api/telegram/user/generate-link', {}, admin.accessToken);
      const person = telegram.person({ firstName: 'Root', username: 'root_log', id: 7_123_456_789 });
      await telegram.pressStart(person, new URL(link.url).searchParams.get('start') ?? '');
      expect((await telegram.waitForMessage(person)).text).toContain('connected');
      await telegram.sendText(person, '/status');
      await telegram.waitForMessage(person, (message) => message.text.includes(ADMIN.email));

      const [user] = await queryDatabase<{ password_hash: string }>(
        database.url,
        'SELECT password_hash FROM users WHERE email = $1',
        [ADMIN.email],
      );
      const tokenHashes = await queryDatabase<{ hex: string }>(
        database.url,
        `SELECT encode(token_hash, 'hex') AS hex FROM refresh_tokens
          UNION ALL SELECT encode(token_hash, 'hex') FROM telegram_link_tokens`,
      );
      const output = api.output();
      const lines = output.split('\n').filter((line) => line.trim() !== '');
      const parsed = lines.map((line) => JSON.parse(line) as { context?: string; msg?: string });
      const statements = parsed.filter((line) => line.context === 'TypeORM').map((line) => line.msg ?? '');
      // The statements that carried the secrets as parameters were logged, without them.
      expect(statements.some((sql) => /INSERT INTO "users"/.test(sql))).toBe(true);
      expect(statements.some((sql) => /"telegram_links"/.test(sql))).toBe(true);
      expect(statements.some((sql) => /"refresh_tokens"/.test(sql))).toBe(true);
      expect(tokenHashes.length).toBeGreaterThan(1);
      for (const secret of [
        user.password_hash,
        String(person.id),
        ADMIN.password,
        admin.refreshToken,
        ...tokenHashes.map((row) => row.hex),
      ]) {
        expect(output).not.toContain(secret);
      }
      expect(output).not.toContain('PARAMETERS');
    } finally {
      await api?.stop();
      api = undefined;
      await telegram.stop();
    }
  });

  it('logs readable lines outside production, JSON lines in production or with LOG_FORMAT=json', async () => {
    const env = { DATABASE_URL: database.url, DATA_DIR: dataDir, JWT_SECRET, LOG_LEVEL: 'info' };
    const isJson = (line: string) => {
      try {
        return typeof JSON.parse(line) === 'object';
      } catch {
        return false;
      }
    };
    const listening = (output: string) =>
      output.split('\n').find((line) => line.includes('Deskgram is listening')) ?? '';

    // The harness asks for JSON; without LOG_FORMAT and NODE_ENV the API speaks to people.
    api = await startApi({ env: { ...env, LOG_FORMAT: undefined } });
    await api.stop();
    const pretty = listening(api.output());
    expect(pretty).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: (\[\w+\] )?Deskgram is listening/);
    expect(isJson(pretty)).toBe(false);

    for (const format of [{ LOG_FORMAT: undefined, NODE_ENV: 'production' }, { LOG_FORMAT: 'json' }]) {
      api = await startApi({ env: { ...env, ...format } });
      await api.stop();
      const lines = api
        .output()
        .split('\n')
        .filter((line) => line.trim() !== '');
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.filter((line) => !isJson(line))).toEqual([]);
      expect(JSON.parse(listening(api.output()))).toMatchObject({ level: 30, msg: expect.any(String) });
    }
  });
});
