import {
  type ApiProcess,
  createTestDatabase,
  freePort,
  queryDatabase,
  startApi,
  type TestDatabase,
  useTestEnvironment,
} from '@deskgram/testing/harness';
import { TelegramBotApiDouble, type TelegramPerson } from '@deskgram/testing/telegram-bot-api';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ApiResponse, DEMO, type Session, TestClient } from './support/api-client';
import { BOT_TOKEN, eventually } from './support/telegram';

function tokenOf(url: string): string {
  return new URL(url).searchParams.get('start') ?? '';
}

/** Telegram linking over HTTP, with the Bot API double at Telegram's place. */
describe('telegram linking', () => {
  const env = useTestEnvironment({
    api: {
      DEMO_DATA: 'true',
      PUBLIC_URL: 'https://help.example.org',
      LOG_LEVEL: 'info',
    },
    // The bot answers each command at once; the one-a-second limit per chat matters to notifications, not here.
    telegram: { token: BOT_TOKEN, username: 'deskgram_test_bot', limits: { perChatPerSecond: 100 } },
  });
  let telegram: TelegramBotApiDouble;
  let http: TestClient;
  let client: Session;
  let colleague: Session;
  let agent: Session;
  /** Every response the suite saw, to prove that none carried a Telegram id. */
  const responses: ApiResponse[] = [];

  beforeAll(async () => {
    telegram = env.telegram;
    const base = new TestClient(env.baseUrl);
    const request = base.request.bind(base);
    base.request = async (...args) => {
      const response = await request(...args);
      responses.push(response);
      return response;
    };
    http = base;
    [client, colleague, agent] = await Promise.all(
      [DEMO.client, DEMO.clientColleague, DEMO.agent].map((email) => http.signIn(email)),
    );
  });

  async function generateLink(session: Session, area: 'client' | 'user' = 'client') {
    const response = await http.post(`/api/telegram/${area}/generate-link`, {}, session.accessToken);
    expect(response.status).toBe(200);
    return response.body as { url: string; qrCode: string; expiresAt: string };
  }

  async function status(session: Session, area: 'client' | 'user' = 'client') {
    const response = await http.get(`/api/telegram/${area}/status`, session.accessToken);
    expect(response.status).toBe(200);
    return response.body;
  }

  /** Does what the person does in Telegram and returns the bot's next answer to them. */
  async function answerTo(person: TelegramPerson, action: () => Promise<unknown>) {
    const before = telegram.sentTo(person).length;
    await action();
    await telegram.waitFor(() => telegram.sentTo(person).length > before);
    return telegram.sentTo(person)[before];
  }

  function pressStart(person: TelegramPerson, payload?: string) {
    return answerTo(person, () => telegram.pressStart(person, payload));
  }

  async function link(session: Session, person: TelegramPerson, area: 'client' | 'user' = 'client') {
    const { url } = await generateLink(session, area);
    const answer = await pressStart(person, tokenOf(url));
    expect(answer.text).toContain('connected');
    return answer;
  }

  async function disconnect(session: Session, area: 'client' | 'user' = 'client') {
    const response = await http.post(`/api/telegram/${area}/disconnect`, {}, session.accessToken);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ connected: false, state: 'not_connected' });
  }

  it('reports the bot as polling under its username in /api/health', async () => {
    const health = await http.get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body.info.telegram).toEqual({
      status: 'up',
      configured: true,
      mode: 'polling',
      state: 'polling',
      username: 'deskgram_test_bot',
    });
  });

  it('generate-link answers a t.me link with a one-time token, its QR code and a 15-minute expiry; only a hash is stored', async () => {
    const before = Date.now();
    const link = await generateLink(client);
    expect(link.url).toMatch(/^https:\/\/t\.me\/deskgram_test_bot\?start=[A-Za-z0-9_-]{43}$/);
    expect(link.qrCode).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(link.qrCode.split(',')[1], 'base64').subarray(1, 4).toString()).toBe('PNG');
    const expiresIn = new Date(link.expiresAt).getTime() - before;
    expect(expiresIn).toBeGreaterThan(14 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(15 * 60_000 + 1_000);

    const token = tokenOf(link.url);
    const rows = await queryDatabase<{ row: string; matches: boolean }>(
      env.database.url,
      `SELECT t::text AS row, t.token_hash = $1 AS matches FROM telegram_link_tokens t WHERE user_id = $2`,
      [createHash('sha256').update(token).digest(), client.user.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].matches).toBe(true);
    expect(rows[0].row).not.toContain(token);
  });

  it('links the user when they press Start with the token, answers in their language, and the status says so', async () => {
    const anna = telegram.person({ firstName: 'Anna', username: 'anna_h', languageCode: 'en' });
    await disconnect(client);
    expect(await status(client)).toMatchObject({ botConfigured: true, connected: false, state: 'not_connected' });

    const answer = await link(client, anna);
    expect(answer.parseMode).toBe('HTML');
    expect(answer.text).toContain('Anna Hughes');

    const linked = await status(client);
    expect(linked).toEqual({
      botConfigured: true,
      connected: true,
      state: 'connected',
      username: 'anna_h',
      firstName: 'Anna',
      linkedAt: expect.any(String),
    });
    expect(Date.now() - new Date(linked.linkedAt).getTime()).toBeLessThan(60_000);
    await disconnect(client);
  });

  it('answers a Russian-speaking Telegram user in Russian', async () => {
    const ivan = telegram.person({ firstName: 'Иван', languageCode: 'ru' });
    const { url } = await generateLink(colleague);
    const answer = await pressStart(ivan, tokenOf(url));
    expect(answer.text).toContain('Telegram подключён');
    await disconnect(colleague);
  });

  it('ignores the same update delivered twice: one link, one answer', async () => {
    const ben = telegram.person({ firstName: 'Ben', username: 'ben_nw' });
    const { url } = await generateLink(colleague);
    const update = await telegram.pressStart(ben, tokenOf(url));
    await telegram.waitForMessage(ben, (message) => message.text.includes('connected'));
    const linkedAt = (await status(colleague)).linkedAt;

    await telegram.redeliver(update);
    await telegram.waitUntilHandled(update);
    // Another update after the repeat proves the bot has moved past it.
    await pressStart(ben);
    const answers = telegram.sentTo(ben).map((message) => message.text);
    expect(answers.filter((text) => text.includes('is connected to your Deskgram account'))).toHaveLength(1);
    expect((await status(colleague)).linkedAt).toBe(linkedAt);
    await disconnect(colleague);
  });

  it('refuses a used token, and tells its own user they are linked already', async () => {
    const owner = telegram.person({ firstName: 'Owner' });
    const stranger = telegram.person({ firstName: 'Stranger' });
    const { url } = await generateLink(client);
    await pressStart(owner, tokenOf(url));

    const strangerAnswer = await pressStart(stranger, tokenOf(url));
    expect(strangerAnswer.text).toContain('has been used already');
    expect(strangerAnswer.text).toContain('https://help.example.org');
    expect((await status(client)).firstName).toBe('Owner');

    const ownerAgain = await pressStart(owner, tokenOf(url));
    expect(ownerAgain.text).toContain('already connected to Anna Hughes');
    await disconnect(client);
  });

  it('refuses an expired token and says where to get a new QR code', async () => {
    const person = telegram.person({ firstName: 'Late' });
    await disconnect(client);
    const { url } = await generateLink(client);
    await queryDatabase(
      env.database.url,
      `UPDATE telegram_link_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [client.user.id],
    );
    const answer = await pressStart(person, tokenOf(url));
    expect(answer.text).toContain('has expired');
    expect(answer.text).toContain('Connect Telegram');
    expect(await status(client)).toMatchObject({ connected: false, state: 'not_connected' });
  });

  it('voids older unused tokens when a new one is made', async () => {
    const person = telegram.person({ firstName: 'Twice' });
    await disconnect(client);
    const first = await generateLink(client);
    await generateLink(client);
    const answer = await pressStart(person, tokenOf(first.url));
    expect(answer.text).toContain('not valid');
    expect(await status(client)).toMatchObject({ connected: false });
  });

  it('answers garbage and empty payloads with a friendly hint, linking nobody', async () => {
    const person = telegram.person({ firstName: 'Curious' });
    const links = async () => (await queryDatabase(env.database.url, 'SELECT 1 FROM telegram_links')).length;
    const before = await links();
    for (const payload of ['hello', 'A'.repeat(43), 'x-'.repeat(30)]) {
      const answer = await pressStart(person, payload);
      expect(answer.text).toContain('not valid');
      expect(answer.text).toContain('https://help.example.org');
    }
    const welcome = await pressStart(person);
    expect(welcome.text).toContain('This is the Deskgram bot');
    expect(await links()).toBe(before);
  });

  it('/status names the linked account and /stop unlinks it', async () => {
    const person = telegram.person({ firstName: 'Anna', username: 'anna_stop' });
    await link(client, person);
    const statusAnswer = await answerTo(person, () => telegram.sendText(person, '/status'));
    expect(statusAnswer.text).toContain('Anna Hughes');
    expect(statusAnswer.text).toContain(DEMO.client);

    const stopAnswer = await answerTo(person, () => telegram.sendText(person, '/stop'));
    expect(stopAnswer.text).toContain('Disconnected');
    expect(await status(client)).toMatchObject({ connected: false, state: 'not_connected', username: null });
  });

  it('answers commands in a group only with the way to a private chat: no account shown, nothing linked or unlinked', async () => {
    const group = telegram.group({ title: 'Northwind and friends' });
    const ben = telegram.person({ firstName: 'Ben', username: 'ben_group' });
    // Ben is linked, so that /status and /stop in the group would have an account to show or to undo.
    await link(colleague, ben);
    const token = tokenOf((await generateLink(client)).url);
    const privateBefore = telegram.sentTo(ben).length;
    const commands = [
      `/start ${token}`,
      `/start@deskgram_test_bot ${token}`,
      '/start',
      '/status',
      '/status@deskgram_test_bot',
      '/stop',
      '/help',
    ];
    for (const command of commands) {
      const before = telegram.sentTo(group.chatId).length;
      await telegram.sendTextInGroup(group, ben, command);
      await telegram.waitFor(() => telegram.sentTo(group.chatId).length > before);
      const answer = telegram.sentTo(group.chatId)[before];
      expect({ command, text: answer.text }).toEqual({
        command,
        text: expect.stringContaining('Write to me in a private chat: https://t.me/deskgram_test_bot'),
      });
      for (const secret of [colleague.user.email, colleague.user.displayName, client.user.email, 'Northwind']) {
        expect(answer.text).not.toContain(secret);
      }
    }
    expect(telegram.sentTo(group.chatId)).toHaveLength(commands.length);
    expect(telegram.sentTo(ben)).toHaveLength(privateBefore);
    expect(await status(client)).toMatchObject({ connected: false, state: 'not_connected' });
    expect(await status(colleague)).toMatchObject({ connected: true, username: 'ben_group' });
    const groupLinks = await queryDatabase(env.database.url, 'SELECT 1 FROM telegram_links WHERE chat_id::bigint < 0');
    expect(groupLinks).toHaveLength(0);

    // The token was not spent in the group: it still links in the private chat.
    const anna = telegram.person({ firstName: 'Anna', username: 'anna_after_group' });
    expect((await pressStart(anna, token)).text).toContain('connected');
    await disconnect(client);
    await disconnect(colleague);
  });

  it('disconnects and relinks any number of times; a new link replaces the old one', async () => {
    const first = telegram.person({ firstName: 'Anna', username: 'anna_one' });
    const second = telegram.person({ firstName: 'Anna', username: 'anna_two' });
    for (let round = 0; round < 3; round += 1) {
      await link(client, first);
      expect(await status(client)).toMatchObject({ connected: true, username: 'anna_one' });
      await disconnect(client);
    }
    await link(client, first);
    await link(client, second);
    expect(await status(client)).toMatchObject({ connected: true, username: 'anna_two' });
    const rows = await queryDatabase(env.database.url, 'SELECT 1 FROM telegram_links WHERE user_id = $1', [
      client.user.id,
    ]);
    expect(rows).toHaveLength(1);
  });

  it('marks the link blocked when the person blocks the bot, and connected again when they restart it', async () => {
    const person = telegram.person({ firstName: 'Anna', username: 'anna_block' });
    await link(client, person);
    await telegram.blockBot(person);
    await eventually(async () => expect(await status(client)).toMatchObject({ connected: false, state: 'blocked' }));
    await telegram.unblockBot(person);
    await eventually(async () => expect(await status(client)).toMatchObject({ connected: true, state: 'connected' }));
    await disconnect(client);
  });

  it("still answers when Telegram's flood control turns the reply away at first, waiting as long as Telegram says", async () => {
    const person = telegram.person({ firstName: 'Anna', username: 'anna_flood' });
    const before = telegram.callsOf('sendMessage').length;
    telegram.failNext(2, { status: 429, retryAfter: 1 }, { method: 'sendMessage' });
    const startedAt = Date.now();
    const answer = await link(client, person);
    expect(answer.text).toContain('Anna Hughes');
    // Two refusals, then the answer: three calls, and at least the two seconds Telegram asked for in between.
    expect(telegram.callsOf('sendMessage').length - before).toBe(3);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(2_000);
    await disconnect(client);
  });

  it('links staff through the user routes, and keeps each role to its own routes', async () => {
    const sam = telegram.person({ firstName: 'Sam', username: 'sam_agent' });
    await link(agent, sam, 'user');
    expect(await status(agent, 'user')).toMatchObject({ connected: true, username: 'sam_agent' });
    expect((await http.get('/api/telegram/client/status', agent.accessToken)).status).toBe(403);
    expect((await http.post('/api/telegram/user/generate-link', {}, client.accessToken)).status).toBe(403);
    expect((await http.get('/api/telegram/user/status')).status).toBe(401);
    await disconnect(agent, 'user');
  });

  it("shows staff each client user's Telegram state on the client detail", async () => {
    const person = telegram.person({ firstName: 'Anna', username: 'anna_detail' });
    await link(client, person);
    const detail = await http.get(`/api/clients/${client.user.clientId}`, agent.accessToken);
    expect(detail.status).toBe(200);
    const users = detail.body.users as Array<{ email: string; telegram: unknown }>;
    expect(users.find((user) => user.email === DEMO.client)?.telegram).toEqual({
      connected: true,
      state: 'connected',
      username: 'anna_detail',
      linkedAt: expect.any(String),
    });
    expect(users.find((user) => user.email === DEMO.clientColleague)?.telegram).toEqual({
      connected: false,
      state: 'not_connected',
      username: null,
      linkedAt: null,
    });
  });

  it('never puts a Telegram id into a response or an info-level log line', async () => {
    // A link of its own, so that there are ids to look for whatever ran before.
    await link(client, telegram.person({ firstName: 'Anna', username: 'anna_ids' }));
    const ids = (
      await queryDatabase<{ telegram_user_id: string; chat_id: string }>(
        env.database.url,
        'SELECT telegram_user_id, chat_id FROM telegram_links',
      )
    ).flatMap((row) => [row.telegram_user_id, row.chat_id]);
    expect(ids.length).toBeGreaterThan(0);
    for (const path of ['/api/auth/me', '/api/telegram/client/status', '/api/tickets', '/api/invoices']) {
      await http.get(path, client.accessToken);
    }
    for (const path of ['/api/clients', `/api/clients/${client.user.clientId}`, '/api/users', '/api/health']) {
      await http.get(path, agent.accessToken);
    }
    const everything = responses.map((response) => response.text).join('\n');
    expect(responses.length).toBeGreaterThan(8);
    for (const id of new Set(ids)) {
      expect(everything).not.toContain(id);
      expect(env.api.output()).not.toContain(id);
    }
    expect(env.api.output()).toContain('linked Telegram');
    expect(env.api.output()).not.toContain(BOT_TOKEN);
  });
});

describe('telegram linking without a bot', () => {
  const env = useTestEnvironment({ api: { DEMO_DATA: 'true' } });
  let http: TestClient;

  beforeAll(async () => {
    http = new TestClient(env.baseUrl);
  });

  it('says Telegram is not configured, and everything else works', async () => {
    const client = await http.signIn(DEMO.client);
    const health = await http.get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body.info.telegram).toMatchObject({ status: 'up', configured: false, state: 'not_configured' });
    expect((await http.get('/api/telegram/client/status', client.accessToken)).body).toEqual({
      botConfigured: false,
      connected: false,
      state: 'not_connected',
      username: null,
      firstName: null,
      linkedAt: null,
    });
    const link = await http.post('/api/telegram/client/generate-link', {}, client.accessToken);
    expect(link.status).toBe(503);
    expect(link.body.message).toContain('TELEGRAM_BOT_TOKEN');
    expect((await http.post('/api/telegram/webhook', { update_id: 1 })).status).toBe(404);
    expect((await http.get('/api/tickets', client.accessToken)).status).toBe(200);
  });
});

describe('telegram with a token Telegram rejects', () => {
  const env = useTestEnvironment({
    api: {
      DEMO_DATA: 'true',
      TELEGRAM_BOT_TOKEN: '987654321:AAwrongwrongwrongwrongwrongwrong',
    },
    telegram: { token: BOT_TOKEN },
    waitForPolling: false,
  });
  let http: TestClient;

  beforeAll(async () => {
    http = new TestClient(env.baseUrl);
  });

  it('stays up and healthy, with /api/health naming the problem', async () => {
    const health = await eventually(async () => {
      const response = await http.get('/api/health');
      expect(response.body.info.telegram.state).toBe('unauthorized');
      return response;
    });
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('ok');
    expect(health.body.info.telegram).toMatchObject({ status: 'down', configured: true });
    expect(health.body.info.telegram.message).toMatch(/TELEGRAM_BOT_TOKEN.*401/);
    expect(health.text).not.toContain('AAwrong');

    const client = await http.signIn(DEMO.client);
    const link = await http.post('/api/telegram/client/generate-link', {}, client.accessToken);
    expect(link.status).toBe(503);
    expect(link.body.message).toContain('401');
    expect((await http.get('/api/tickets', client.accessToken)).status).toBe(200);
    expect(await env.api.stop()).toBe(0);
  });
});

// Its own setup rather than useTestEnvironment: the webhook URL names the API's port, so the port is chosen before
// the API starts (freePort) instead of PORT=0.
describe('telegram in webhook mode', () => {
  const secret = 'webhook-secret_0123456789';
  let database: TestDatabase;
  let dataDir: string;
  let telegram: TelegramBotApiDouble;
  let api: ApiProcess;
  let http: TestClient;

  beforeAll(async () => {
    telegram = new TelegramBotApiDouble({ token: BOT_TOKEN, username: 'deskgram_hook_bot' });
    await telegram.start();
    database = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'deskgram-telegram-hook-'));
    const port = await freePort();
    api = await startApi({
      env: {
        PORT: String(port),
        DATABASE_URL: database.url,
        DATA_DIR: dataDir,
        DEMO_DATA: 'true',
        TELEGRAM_BOT_TOKEN: BOT_TOKEN,
        TELEGRAM_API_ROOT: telegram.url,
        TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/api/telegram/webhook`,
        TELEGRAM_WEBHOOK_SECRET: secret,
      },
    });
    http = new TestClient(api.baseUrl);
    await eventually(async () => {
      expect((await http.get('/api/health')).body.info.telegram).toMatchObject({ mode: 'webhook', state: 'webhook' });
    });
  });

  afterAll(async () => {
    await api?.stop();
    await telegram?.stop();
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('registers the webhook with the secret and never long-polls', () => {
    expect(telegram.webhookUrl).toBe(`${api.baseUrl}/api/telegram/webhook`);
    expect(telegram.callsOf('setWebhook')[0]?.params).toMatchObject({ secret_token: secret });
    expect(telegram.callsOf('getUpdates')).toHaveLength(0);
  });

  it('refuses updates without the right secret and handles them with it', async () => {
    const client = await http.signIn(DEMO.client);
    const { body: link } = await http.post('/api/telegram/client/generate-link', {}, client.accessToken);
    const token = tokenOf(link.url);
    const forged = {
      update_id: 999_001,
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat: { id: 555, type: 'private', first_name: 'Mallory' },
        from: { id: 555, is_bot: false, first_name: 'Mallory' },
        text: `/start ${token}`,
        entities: [{ type: 'bot_command', offset: 0, length: 6 }],
      },
    };
    for (const header of [undefined, 'wrong-secret']) {
      const response = await fetch(`${api.baseUrl}/api/telegram/webhook`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(header ? { 'x-telegram-bot-api-secret-token': header } : {}),
        },
        body: JSON.stringify(forged),
      });
      expect(response.status).toBe(403);
    }
    expect((await http.get('/api/telegram/client/status', client.accessToken)).body.connected).toBe(false);

    const anna = telegram.person({ firstName: 'Anna', username: 'anna_hook' });
    await telegram.pressStart(anna, token);
    const answer = await telegram.waitForMessage(anna);
    expect(answer.text).toContain('connected');
    expect((await http.get('/api/telegram/client/status', client.accessToken)).body).toMatchObject({
      connected: true,
      username: 'anna_hook',
    });
    expect(telegram.webhookDeliveries.every((delivery) => delivery.ok)).toBe(true);
  });
  it('links a person whose Telegram name holds a NUL, storing the name without it', async () => {
    const ben = await http.signIn(DEMO.clientColleague);
    const { body: link } = await http.post('/api/telegram/client/generate-link', {}, ben.accessToken);
    const person = telegram.person({ firstName: 'Be\u0000n', username: 'ben_hook' });
    await telegram.pressStart(person, tokenOf(link.url));
    expect((await telegram.waitForMessage(person)).text).toContain('connected');
    const rows = await queryDatabase<{ first_name: string }>(
      database.url,
      'SELECT first_name FROM telegram_links WHERE user_id = $1',
      [ben.user.id],
    );
    expect(rows).toEqual([{ first_name: 'Ben' }]);
    expect(telegram.webhookDeliveries.every((delivery) => delivery.ok)).toBe(true);
  });
});

// Its own setup rather than useTestEnvironment: two API replicas on one database, killed and started by the tests.
describe('telegram polling across replicas', () => {
  let database: TestDatabase;
  let dirs: string[] = [];
  let telegram: TelegramBotApiDouble;
  let replicas: ApiProcess[] = [];

  async function replica(): Promise<ApiProcess> {
    const dataDir = await mkdtemp(join(tmpdir(), 'deskgram-telegram-replica-'));
    dirs.push(dataDir);
    const api = await startApi({
      env: {
        DATABASE_URL: database.url,
        DATA_DIR: dataDir,
        JWT_SECRET: 'a-secret-that-is-long-enough-for-hs256!',
        TELEGRAM_BOT_TOKEN: BOT_TOKEN,
        TELEGRAM_API_ROOT: telegram.url,
      },
    });
    replicas.push(api);
    return api;
  }

  async function botState(api: ApiProcess): Promise<string> {
    return (await new TestClient(api.baseUrl).get('/api/health')).body.info.telegram.state;
  }

  beforeAll(async () => {
    telegram = new TelegramBotApiDouble({ token: BOT_TOKEN });
    await telegram.start();
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await Promise.all(replicas.map((api) => api.stop()));
    await telegram?.stop();
    await database?.drop();
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
    replicas = [];
    dirs = [];
  });

  it('polls from one replica only, and another takes over when it dies', async () => {
    const first = await replica();
    await eventually(async () => expect(await botState(first)).toBe('polling'));
    const second = await replica();
    await eventually(async () => expect(await botState(second)).toBe('standby'));
    expect(await botState(first)).toBe('polling');

    await first.kill();
    await eventually(async () => expect(await botState(second)).toBe('polling'), 20_000);
    const person = telegram.person({ firstName: 'Anna' });
    await telegram.pressStart(person);
    expect((await telegram.waitForMessage(person)).text).toContain('Deskgram bot');
  });

  it('stays up when another program polls with the same token, reports the conflict, and polls again after', async () => {
    const poller = replicas[replicas.length - 1];
    await eventually(async () => expect(await botState(poller)).toBe('polling'));
    // Telegram ends the older of two concurrent long polls with 409: here the replica's.
    const outsider = await fetch(`${telegram.url}/bot${BOT_TOKEN}/getUpdates?timeout=1`);
    expect(outsider.status).toBe(200);
    const health = await eventually(async () => {
      const response = await new TestClient(poller.baseUrl).get('/api/health');
      expect(response.body.info.telegram.state).toBe('conflict');
      return response;
    });
    expect(health.status).toBe(200);
    expect(health.body.info.telegram.message).toContain('409');
    await eventually(async () => expect(await botState(poller)).toBe('polling'), 20_000);
  });
});
