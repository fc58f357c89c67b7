import {
  type ApiProcess,
  createTestDatabase,
  queryDatabase,
  startApi,
  type TestDatabase,
} from '@deskgram/testing/harness';
import { parseHtml, TelegramBotApiDouble, type TelegramPerson } from '@deskgram/testing/telegram-bot-api';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO, type Session, TestClient } from './support/api-client';
import { BOT_TOKEN, eventually } from './support/telegram';

const JWT_SECRET = 'a-secret-that-is-long-enough-for-hs256!';

/** Who hears what, and that every promised message arrives once and in order, with the Bot API double as Telegram. */
// Its own setup rather than useTestEnvironment: tests kill the API, start it again and run a second replica on the
// same database and double.
describe('notifications', () => {
  let database: TestDatabase;
  let telegram: TelegramBotApiDouble;
  let api: ApiProcess;
  let http: TestClient;
  const dirs: string[] = [];
  let anna: Session;
  let ben: Session;
  let ivan: Session;
  let agent: Session;
  let admin: Session;
  const people: Record<'anna' | 'ben' | 'ivan' | 'agent' | 'admin', TelegramPerson> = {} as never;

  async function start(): Promise<ApiProcess> {
    const dataDir = await mkdtemp(join(tmpdir(), 'deskgram-notifications-'));
    dirs.push(dataDir);
    return startApi({
      env: {
        DATABASE_URL: database.url,
        DATA_DIR: dataDir,
        DEMO_DATA: 'true',
        JWT_SECRET,
        TELEGRAM_BOT_TOKEN: BOT_TOKEN,
        TELEGRAM_API_ROOT: telegram.url,
        PUBLIC_URL: 'https://help.example.org',
        OVERDUE_SWEEP_SECONDS: '1',
      },
    });
  }

  async function link(session: Session, person: TelegramPerson, area: 'client' | 'user') {
    const response = await http.post(`/api/telegram/${area}/generate-link`, {}, session.accessToken);
    expect(response.status).toBe(200);
    const before = telegram.sentTo(person).length;
    await telegram.pressStart(person, new URL(response.body.url).searchParams.get('start') ?? '');
    await telegram.waitFor(() => telegram.sentTo(person).length > before);
    expect((await http.get(`/api/telegram/${area}/status`, session.accessToken)).body.connected).toBe(true);
  }

  /** Messages each person received since `mark()`. */
  let marks = new Map<number, number>();
  function mark() {
    marks = new Map(Object.values(people).map((person) => [person.chatId, telegram.sentTo(person).length]));
  }
  function since(person: TelegramPerson): string[] {
    return telegram
      .sentTo(person)
      .slice(marks.get(person.chatId) ?? 0)
      .map((message) => message.text);
  }
  /** Waits until the queue is empty, so that "nobody else heard" is a fact and not a race. */
  async function settled() {
    await eventually(async () => {
      const rows = await queryDatabase(
        database.url,
        "SELECT 1 FROM notification_deliveries WHERE status IN ('pending', 'sending')",
      );
      expect(rows).toHaveLength(0);
    });
  }

  beforeAll(async () => {
    telegram = new TelegramBotApiDouble({ token: BOT_TOKEN, username: 'deskgram_test_bot' });
    await telegram.start();
    database = await createTestDatabase();
    api = await start();
    http = new TestClient(api.baseUrl);
    // The demo data has an invoice already past its due date: let the overdue sweep mark it before anyone links
    // Telegram, so that its notice is not news in the middle of a test.
    await eventually(async () => {
      const rows = await queryDatabase(database.url, "SELECT 1 FROM invoices WHERE status = 'overdue'");
      expect(rows.length).toBeGreaterThan(0);
    });
    [anna, ben, ivan, agent, admin] = await Promise.all(
      [DEMO.client, DEMO.clientColleague, DEMO.otherClient, DEMO.agent, DEMO.admin].map((email) => http.signIn(email)),
    );
    people.anna = telegram.person({ firstName: 'Anna', username: 'anna_h', languageCode: 'en' });
    people.ben = telegram.person({ firstName: 'Ben', languageCode: 'en' });
    people.ivan = telegram.person({ firstName: 'Иван', languageCode: 'ru' });
    people.agent = telegram.person({ firstName: 'Sam', languageCode: 'en' });
    people.admin = telegram.person({ firstName: 'Alex', languageCode: 'en' });
    await link(anna, people.anna, 'client');
    await link(ben, people.ben, 'client');
    await link(ivan, people.ivan, 'client');
    await link(agent, people.agent, 'user');
    await link(admin, people.admin, 'user');
  });

  afterAll(async () => {
    await api?.stop();
    await telegram?.stop();
    await database?.drop();
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  async function openTicket(by: Session, subject: string, extra: object = {}) {
    const response = await http.post('/api/tickets', { subject, body: 'The printer jams.', ...extra }, by.accessToken);
    expect(response.status).toBe(201);
    return response.body as { id: string; number: string };
  }

  it('a client’s new unassigned ticket reaches every staff member, and nobody on the client side', async () => {
    mark();
    const ticket = await openTicket(anna, 'Printer on fire');
    await settled();
    for (const person of [people.agent, people.admin]) {
      expect(since(person)).toEqual([expect.stringContaining(`New ticket ${ticket.number} from Northwind Trading`)]);
      expect(since(person)[0]).toContain('Anna Hughes: The printer jams.');
    }
    expect(since(people.anna)).toEqual([]);
    expect(since(people.ben)).toEqual([]);
    expect(since(people.ivan)).toEqual([]);
    const [message] = telegram.sentTo(people.agent).slice(-1);
    expect(message.parseMode).toBe('HTML');
    expect(message.entities).toContainEqual(
      expect.objectContaining({ type: 'text_link', url: `https://help.example.org/staff/tickets/${ticket.id}` }),
    );
  });

  it('assignment reaches the new assignee; replies then reach the assignee or the client side, never the author', async () => {
    const ticket = await openTicket(anna, 'Scanner offline');
    await settled();

    mark();
    expect(
      (await http.patch(`/api/tickets/${ticket.id}`, { assigneeId: agent.user.id }, admin.accessToken)).status,
    ).toBe(200);
    await settled();
    expect(since(people.agent)).toEqual([
      expect.stringContaining(`Alex Morgan assigned ticket ${ticket.number} to you`),
    ]);
    expect(since(people.admin)).toEqual([]);

    mark();
    await http.post(`/api/tickets/${ticket.id}/messages`, { body: 'Any news?' }, anna.accessToken);
    await settled();
    expect(since(people.agent)).toEqual([expect.stringContaining('Anna Hughes replied')]);
    expect(since(people.admin)).toEqual([]);
    expect(since(people.anna)).toEqual([]);
    expect(since(people.ben)).toEqual([]);

    mark();
    await http.post(`/api/tickets/${ticket.id}/messages`, { body: 'A technician is on the way.' }, agent.accessToken);
    await settled();
    for (const person of [people.anna, people.ben]) {
      expect(since(person)).toEqual([expect.stringContaining('Sam Rivera replied')]);
      expect(since(person)[0]).toContain('A technician is on the way.');
    }
    expect(since(people.agent)).toEqual([]);
    expect(since(people.ivan)).toEqual([]);
    const [toClient] = telegram.sentTo(people.anna).slice(-1);
    expect(toClient.entities).toContainEqual(
      expect.objectContaining({ url: `https://help.example.org/client/tickets/${ticket.id}` }),
    );

    mark();
    await http.post(
      `/api/tickets/${ticket.id}/messages`,
      { body: 'Secret: the client forgot to pay', internal: true },
      agent.accessToken,
    );
    await http.patch(`/api/tickets/${ticket.id}`, { status: 'resolved' }, agent.accessToken);
    await settled();
    for (const person of [people.anna, people.ben]) {
      expect(since(person)).toEqual([expect.stringContaining('Status: Resolved')]);
    }
    const everything = Object.values(people).flatMap((person) => telegram.sentTo(person).map((m) => m.text));
    expect(everything.join('\n')).not.toContain('Secret');
    const notes = await queryDatabase(database.url, "SELECT 1 FROM notification_deliveries WHERE text LIKE '%Secret%'");
    expect(notes).toEqual([]);
  });

  it('a ticket staff open for a client reaches the client’s users, in each one’s language', async () => {
    mark();
    const ticket = await openTicket(agent, 'Your annual maintenance', { clientId: ivan.user.clientId });
    await settled();
    expect(since(people.ivan)).toEqual([
      expect.stringContaining(`Sam Rivera открыл(а) для вас заявку ${ticket.number}`),
    ]);
    expect(since(people.anna)).toEqual([]);
    expect(since(people.agent)).toEqual([]);
    expect(since(people.admin)).toEqual([]);
  });

  it('invoices issued, paid and overdue reach the client’s users with number, total and due date', async () => {
    const create = (dueDate: string) =>
      http.post(
        '/api/invoices',
        {
          clientId: anna.user.clientId,
          currency: 'EUR',
          dueDate,
          items: [
            { description: 'Support hours', quantity: '3', unitPrice: '40.50' },
            { description: 'Toner', quantity: '1', unitPrice: '100.00' },
          ],
        },
        admin.accessToken,
      );
    mark();
    const future = (await create('2031-03-15')).body;
    await http.post(`/api/invoices/${future.id}/issue`, {}, admin.accessToken);
    await http.post(`/api/invoices/${future.id}/pay`, {}, admin.accessToken);
    await settled();
    const issued = (await http.get(`/api/invoices/${future.id}`, admin.accessToken)).body;
    for (const person of [people.anna, people.ben]) {
      expect(since(person)).toEqual([
        `🧾 Invoice ${issued.number} for €221.50 has been issued, due 15 Mar 2031.\n\nOpen the invoice`,
        `✅ Invoice ${issued.number} for €221.50 is paid. Thank you!\n\nOpen the invoice`,
      ]);
    }
    expect(since(people.admin)).toEqual([]);
    expect(since(people.ivan)).toEqual([]);

    mark();
    const late = (await create('2020-01-10')).body;
    await http.post(`/api/invoices/${late.id}/issue`, {}, admin.accessToken);
    await eventually(async () => expect(since(people.anna).join('\n')).toContain('is overdue: it was due 10 Jan 2020'));
  });

  it('a subject full of markup arrives readable', async () => {
    mark();
    await openTicket(anna, '<b>x</b> & <script>alert(1)</script>');
    await settled();
    const [message] = telegram.sentTo(people.agent).slice(-1);
    expect(message.text).toContain('<b>x</b> & <script>alert(1)</script>');
    expect(() => parseHtml(message.rawText)).not.toThrow();
  });

  it('a muted kind is skipped, for that person only', async () => {
    const put = await http.request('PUT', '/api/notifications/preferences', {
      token: ben.accessToken,
      body: { items: [{ kind: 'ticket_status', enabled: false }] },
    });
    expect(put.status).toBe(200);
    expect(put.body.items).toContainEqual({ kind: 'ticket_status', enabled: false });
    const ticket = await openTicket(anna, 'Mute test');
    await settled();
    mark();
    await http.patch(`/api/tickets/${ticket.id}`, { status: 'in_progress' }, agent.accessToken);
    await settled();
    expect(since(people.anna)).toEqual([expect.stringContaining('Status: In progress')]);
    expect(since(people.ben)).toEqual([]);
    await http.request('PUT', '/api/notifications/preferences', {
      token: ben.accessToken,
      body: { items: [{ kind: 'ticket_status', enabled: true }] },
    });
  });

  it('preferences list the kinds of the role and refuse bad input', async () => {
    const staff = await http.get('/api/notifications/preferences', agent.accessToken);
    expect(staff.body.items.map((item: { kind: string }) => item.kind)).toEqual([
      'ticket_created',
      'ticket_reply',
      'ticket_assigned',
    ]);
    const put = (body: unknown, token = anna.accessToken) =>
      http.request('PUT', '/api/notifications/preferences', { token, body });
    expect((await put({ items: [{ kind: 'ticket_assigned', enabled: false }] })).status).toBe(409);
    expect((await put({ items: [{ kind: 'nonsense', enabled: false }] })).status).toBe(400);
    expect((await put({ items: [{ kind: 'ticket_reply', enabled: 'no' }] })).status).toBe(400);
    expect((await put({ items: 'all' })).status).toBe(400);
    expect((await put({ items: [], extra: 1 })).status).toBe(400);
  });

  it('staff write to a client’s Telegram: verbatim to its connected users, 409 without any, 4xx for bad input', async () => {
    mark();
    const text = 'Hello <team> & friends,\nthe office is closed on Friday.';
    const response = await http.post(
      `/api/telegram/client/${anna.user.clientId}/send-message`,
      { message: text },
      agent.accessToken,
    );
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ queued: 2 });
    await settled();
    for (const person of [people.anna, people.ben]) {
      expect(since(person)).toEqual([`✉️ Sam Rivera writes:\n\n${text}`]);
    }

    const clients = (await http.get('/api/clients?search=Contoso', agent.accessToken)).body.items;
    const contoso = await http.post(
      `/api/telegram/client/${clients[0].id}/send-message`,
      { message: 'Hi' },
      agent.accessToken,
    );
    expect(contoso.status).toBe(409);
    expect(contoso.body.message).toContain('connected Telegram');

    const send = (body: unknown, token = agent.accessToken, id = anna.user.clientId) =>
      http.post(`/api/telegram/client/${id}/send-message`, body, token);
    expect((await send({ message: '' })).status).toBe(400);
    expect((await send({ message: '   ' })).status).toBe(400);
    expect((await send({ message: 'x'.repeat(4001) })).status).toBe(400);
    expect((await send({ message: 42 })).status).toBe(400);
    expect((await send({ message: 'hi', urgent: true })).status).toBe(400);
    expect((await send({ message: 'hi' }, agent.accessToken, 'not-a-uuid')).status).toBe(400);
    expect((await send({ message: 'hi' }, agent.accessToken, '3f1c1c1e-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await send({ message: 'hi' }, anna.accessToken)).status).toBe(403);
  });

  it('a burst of 8 messages to one chat meets 429s and arrives complete, in order, once each', async () => {
    mark();
    telegram.failNext(
      2,
      { status: 429, description: 'Too Many Requests: retry after 1', retryAfter: 1 },
      {
        method: 'sendMessage',
      },
    );
    for (let n = 1; n <= 8; n += 1) {
      const response = await http.post(
        `/api/telegram/client/${ivan.user.clientId}/send-message`,
        { message: `Burst ${n}` },
        agent.accessToken,
      );
      expect(response.status).toBe(202);
    }
    await eventually(async () => expect(since(people.ivan)).toHaveLength(8), 30_000);
    await settled();
    expect(since(people.ivan).map((text) => text.split('\n\n')[1])).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `Burst ${n}`),
    );
    const tooMany = telegram.callsOf('sendMessage').filter((call) => call.status === 429);
    expect(tooMany.length).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('5xx answers and dropped connections lose nothing', async () => {
    mark();
    telegram.failNext(1, { status: 502, description: 'Bad Gateway' }, { method: 'sendMessage' });
    telegram.failNext(1, 'drop', { method: 'sendMessage' });
    await http.post(
      `/api/telegram/client/${ivan.user.clientId}/send-message`,
      { message: 'Survives' },
      agent.accessToken,
    );
    await eventually(async () => expect(since(people.ivan)).toHaveLength(1), 30_000);
    await settled();
    expect(since(people.ivan)).toEqual([expect.stringContaining('Survives')]);
    const [row] = await queryDatabase<{ attempts: number; status: string }>(
      database.url,
      "SELECT attempts, status FROM notification_deliveries WHERE text LIKE '%Survives%'",
    );
    expect(row).toEqual({ attempts: 3, status: 'sent' });
  }, 60_000);

  it('a blocked user’s link becomes blocked after one attempt, and the log says why', async () => {
    const blocked = telegram.person({ firstName: 'Ben', username: 'ben_blocks' });
    await link(ben, blocked, 'client');
    telegram.failNext(
      1,
      { status: 403, description: 'Forbidden: bot was blocked by the user' },
      {
        method: 'sendMessage',
      },
    );
    await http.post(
      `/api/telegram/client/${anna.user.clientId}/send-message`,
      { message: 'Blocked?' },
      agent.accessToken,
    );
    await settled();
    const status = (await http.get('/api/telegram/client/status', ben.accessToken)).body;
    const annaStatus = (await http.get('/api/telegram/client/status', anna.accessToken)).body;
    // One of the two got the 403 (whichever went first); its link is blocked, the other's message arrived.
    const states = [status.state, annaStatus.state].sort();
    expect(states).toEqual(['blocked', 'connected']);
    const log = await http.get('/api/notifications/deliveries?status=failed', agent.accessToken);
    expect(log.status).toBe(200);
    expect(log.body.items[0]).toMatchObject({
      attempts: 1,
      lastError: expect.stringContaining('403'),
      kind: 'custom_message',
    });
    // Back to the people of the other tests: forget the flood windows rather than wait out Telegram's second.
    telegram.setLimits({});
    if (annaStatus.state === 'blocked') await link(anna, people.anna, 'client');
    await link(ben, people.ben, 'client');
  });

  it('the delivery log shows who, what and how it went, never a Telegram id; staff can retry a failure', async () => {
    // A failure of its own: Telegram refuses one of the two messages to Northwind for good.
    telegram.failNext(1, { status: 400, description: 'Bad Request: message is too long' }, { method: 'sendMessage' });
    await http.post(
      `/api/telegram/client/${anna.user.clientId}/send-message`,
      { message: 'Refused once' },
      agent.accessToken,
    );
    await settled();
    const log = await http.get('/api/notifications/deliveries?pageSize=100', admin.accessToken);
    expect(log.status).toBe(200);
    expect(log.body.total).toBeGreaterThan(1);
    const sent = log.body.items.find((item: { status: string }) => item.status === 'sent');
    expect(sent).toEqual({
      id: expect.any(String),
      recipient: { id: expect.any(String), displayName: expect.any(String), role: expect.any(String) },
      kind: expect.any(String),
      reference: expect.any(String),
      preview: expect.any(String),
      status: 'sent',
      attempts: expect.any(Number),
      lastError: null,
      createdAt: expect.any(String),
      sentAt: expect.any(String),
      nextAttemptAt: expect.any(String),
    });
    const ids = Object.values(people).map((person) => String(person.chatId));
    for (const id of ids) expect(log.text).not.toContain(id);

    const failures = (await http.get('/api/notifications/deliveries?status=failed&pageSize=100', admin.accessToken))
      .body;
    const failed = failures.items.find((item: { lastError: string }) => item.lastError.includes('message is too long'));
    mark();
    const retried = await http.post(`/api/notifications/deliveries/${failed.id}/retry`, {}, admin.accessToken);
    expect(retried.status).toBe(200);
    expect(retried.body.status).toBe('pending');
    await settled();
    expect((await http.get('/api/notifications/deliveries?status=failed', admin.accessToken)).body.total).toBe(
      failures.total - 1,
    );
    expect((await http.post(`/api/notifications/deliveries/${failed.id}/retry`, {}, admin.accessToken)).status).toBe(
      409,
    );
    expect((await http.get('/api/notifications/deliveries', anna.accessToken)).status).toBe(403);
    expect((await http.get('/api/notifications/deliveries?status=lost', admin.accessToken)).status).toBe(400);
    expect((await http.get('/api/notifications/deliveries?pageSize=1000', admin.accessToken)).status).toBe(400);
  });

  it('finds every queued delivery delivered after the API is killed (SIGKILL) and started again', async () => {
    // Telegram is down: everything stays queued.
    telegram.failNext(10_000, { status: 502, description: 'Bad Gateway' }, { method: 'sendMessage' });
    mark();
    for (let n = 1; n <= 3; n += 1) {
      await http.post(
        `/api/telegram/client/${anna.user.clientId}/send-message`,
        { message: `Queued ${n}` },
        agent.accessToken,
      );
    }
    // The deliverer is at work (its first attempt failed) when the process dies.
    await telegram.waitForCall((call) => call.method === 'sendMessage' && call.status === 502);
    await api.kill();
    telegram.reset();
    mark();
    api = await start();
    http = new TestClient(api.baseUrl);
    await eventually(async () => {
      expect(since(people.anna).filter((text) => text.includes('Queued'))).toHaveLength(3);
      expect(since(people.ben).filter((text) => text.includes('Queued'))).toHaveLength(3);
    }, 30_000);
    await settled();
    for (const person of [people.anna, people.ben]) {
      expect(since(person).map((text) => text.split('\n\n')[1])).toEqual(['Queued 1', 'Queued 2', 'Queued 3']);
    }
  }, 60_000);

  it('two API processes on one database deliver each message once; killing the active one lets the other take over', async () => {
    const second = await start();
    try {
      mark();
      for (let n = 1; n <= 4; n += 1) {
        const via = new TestClient(n % 2 ? api.baseUrl : second.baseUrl);
        await via.post(
          `/api/telegram/client/${ivan.user.clientId}/send-message`,
          { message: `Twice ${n}` },
          agent.accessToken,
        );
      }
      await eventually(async () => expect(since(people.ivan)).toHaveLength(4), 30_000);
      // Settled: no delivery is pending or being sent, and the double records a message before it answers, so
      // a duplicate would be among these already.
      await settled();
      expect(since(people.ivan).map((text) => text.split('\n\n')[1])).toEqual([
        'Twice 1',
        'Twice 2',
        'Twice 3',
        'Twice 4',
      ]);

      await api.kill();
      mark();
      const survivor = new TestClient(second.baseUrl);
      await survivor.post(
        `/api/telegram/client/${ivan.user.clientId}/send-message`,
        { message: 'After' },
        agent.accessToken,
      );
      await eventually(async () => expect(since(people.ivan)).toEqual([expect.stringContaining('After')]), 30_000);
    } finally {
      api = second;
      http = new TestClient(second.baseUrl);
    }
  }, 90_000);
});
