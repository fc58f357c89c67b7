import { API_MAIN, SANDBOX_MAIN, eventually, startApi, type ApiProcess } from '@deskgram/testing/harness';
import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { TestClient } from './support/api-client';

interface Person {
  id: number;
  name: string;
  email: string | null;
  role: 'admin' | 'agent' | 'client' | null;
  language: 'en' | 'ru';
  blocked: boolean;
  started: boolean;
}

interface ChatMessage {
  id: number;
  from: 'bot' | 'person';
  text: string;
  entities: { type: string; offset: number; length: number }[];
  buttons?: { text: string; data?: string; url?: string }[][];
  file?: { id: string; kind: 'photo' | 'document'; name?: string; url: string };
  replyTo?: { id: number; from: 'bot' | 'person'; text: string };
}

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * `npm run sandbox`: the API with Telegram played in-process. Demo people start linked, every chat shows what the
 * bot sent, and a person's answers, buttons, files and Start work through `/sandbox/api` as in Telegram. Its own
 * setup rather than useTestEnvironment: the sandbox runs its own embedded database and its own Bot API double.
 */
describe('the Telegram sandbox', () => {
  let dataDir: string;
  let sandbox: ApiProcess;
  let http: TestClient;
  let people: Person[];

  const person = (email: string) => {
    const found = people.find((candidate) => candidate.email === email);
    if (!found) throw new Error(`No sandbox person for ${email}`);
    return found;
  };
  const chat = async (id: number) => (await http.get<{ messages: ChatMessage[] }>(`/sandbox/api/chats/${id}`)).body;
  const waitForMessage = (id: number, predicate: (message: ChatMessage) => boolean) =>
    eventually(async () => {
      const found = (await chat(id)).messages.find(predicate);
      if (!found) throw new Error(`No such message in chat ${id}`);
      return found;
    });
  const signIn = async (email: string) =>
    (await http.post('/api/auth/login', { email, password: 'deskgram-demo' })).body.accessToken as string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'deskgram-sandbox-'));
    await chmod(dataDir, 0o755);
    sandbox = await startApi({ main: SANDBOX_MAIN, env: { DATA_DIR: dataDir }, timeoutMs: 180_000 });
    http = new TestClient(sandbox.baseUrl);
    people = (await http.get<{ people: Person[] }>('/sandbox/api/state')).body.people;
  }, 200_000);

  afterAll(async () => {
    await sandbox?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts every demo person linked: the bot welcomed each, and the portal sees the link', async () => {
    expect(people.map((p) => p.email)).toEqual(
      expect.arrayContaining(['admin@deskgram.example', 'agent@deskgram.example', 'anna@northwind.example']),
    );
    expect(people[0].role).toBe('admin');
    expect(person('ivan@romashka.example').language).toBe('ru');
    for (const p of people) {
      expect(p).toMatchObject({ started: true, blocked: false });
      const { messages } = await chat(p.id);
      // Start shows as a bare /start, as Telegram shows a deep link's: the token is not the person's to see.
      expect(messages[0]).toMatchObject({ from: 'person', text: '/start' });
      expect(messages[1]).toMatchObject({ from: 'bot' });
      expect(messages[1].text).toContain(p.email);
    }
    const token = await signIn('anna@northwind.example');
    const status = await http.get('/api/telegram/client/status', token);
    expect(status.body).toMatchObject({ botConfigured: true, state: 'connected' });
  });

  it('carries a ticket from the portal to the staff chats and a staff answer from the chat back to the thread', async () => {
    const client = await signIn('anna@northwind.example');
    const created = await http.post('/api/tickets', { subject: 'Printer on fire', body: 'It smokes.' }, client);
    expect(created.status).toBe(201);
    const agent = person('agent@deskgram.example');
    const notification = await waitForMessage(agent.id, (m) => m.from === 'bot' && m.text.includes('Printer on fire'));
    expect(notification.buttons?.flat().map((button) => button.text)).toEqual(['Take', 'Resolve']);

    const answered = await http.post(`/sandbox/api/chats/${agent.id}/messages`, {
      text: 'A technician is on the way.',
      replyTo: notification.id,
    });
    expect(answered.body).toEqual({ ok: true });
    const own = await waitForMessage(agent.id, (m) => m.from === 'person' && m.text === 'A technician is on the way.');
    expect(own.replyTo).toMatchObject({ id: notification.id, from: 'bot' });
    await eventually(async () => {
      const { messages } = (await http.get(`/api/tickets/${created.body.id}`, client)).body;
      expect(messages).toContainEqual(
        expect.objectContaining({ body: 'A technician is on the way.', via: 'telegram', authorName: 'Sam Rivera' }),
      );
    });
    await waitForMessage(person('anna@northwind.example').id, (m) => m.text.includes('A technician is on the way.'));

    const take = notification.buttons?.[0][0];
    const pressed = await http.post(`/sandbox/api/chats/${agent.id}/buttons`, {
      messageId: notification.id,
      data: take?.data,
    });
    expect(pressed.status).toBe(200);
    expect(pressed.body.answer.text).toContain(created.body.number);
    const ticket = await http.get(`/api/tickets/${created.body.id}`, client);
    expect(ticket.body.assigneeName).toBe('Sam Rivera');
  });

  it('sends a photo and a document from a chat, and serves their bytes', async () => {
    const client = person('lee@contoso.example');
    const photo = await fetch(`${sandbox.baseUrl}/sandbox/api/chats/${client.id}/files?name=dot.png&caption=Look`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: PNG,
    }).then((response) => response.status);
    expect(photo).toBe(200);
    const document = await fetch(
      `${sandbox.baseUrl}/sandbox/api/chats/${client.id}/files?name=notes.txt&type=text%2Fplain`,
      { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: 'first line\n' },
    ).then((response) => response.status);
    expect(document).toBe(200);
    const { messages } = await chat(client.id);
    const sentPhoto = messages.find((m) => m.file?.kind === 'photo');
    expect(sentPhoto).toMatchObject({ from: 'person', text: 'Look' });
    const sentDocument = messages.find((m) => m.file?.kind === 'document');
    expect(sentDocument?.file?.name).toBe('notes.txt');
    const bytes = await fetch(`${sandbox.baseUrl}${sentDocument?.file?.url}`);
    expect(bytes.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(await bytes.text()).toBe('first line\n');
    // A text without Reply opens a draft: the bot offers to open a ticket from it.
    await waitForMessage(client.id, (m) => m.from === 'bot' && Boolean(m.buttons?.flat().some((b) => b.data)));
  });

  it('opens the chat of whoever follows a Connect link, with Start pressed, and links them', async () => {
    const token = await signIn('ben@northwind.example');
    await http.post('/api/telegram/client/disconnect', undefined, token);
    const link = await http.post('/api/telegram/client/generate-link', undefined, token);
    expect(link.body.url).toMatch(/\/sandbox\/start\?start=[A-Za-z0-9_-]{43}$/);
    const opened = await fetch(link.body.url, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    const ben = person('ben@northwind.example');
    expect(opened.headers.get('location')).toBe(`/sandbox/?chat=${ben.id}`);
    expect((await http.get('/api/telegram/client/status', token)).body.state).toBe('connected');
    const unknown = await fetch(`${sandbox.baseUrl}/sandbox/start?start=nothing-of-ours`, { redirect: 'manual' });
    expect(unknown.headers.get('location')).toBe('/sandbox/?start=unknown');
  });

  it('blocks and unblocks the bot, which the portal sees', async () => {
    const ivan = person('ivan@romashka.example');
    const token = await signIn('ivan@romashka.example');
    expect((await http.post(`/sandbox/api/chats/${ivan.id}/blocked`, { blocked: true })).status).toBe(200);
    await eventually(async () =>
      expect((await http.get('/api/telegram/client/status', token)).body.state).toBe('blocked'),
    );
    const refused = await http.post(`/sandbox/api/chats/${ivan.id}/messages`, { text: 'hello' });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/unblock/i);
    expect((await http.post(`/sandbox/api/chats/${ivan.id}/blocked`, { blocked: false })).status).toBe(200);
    await eventually(async () =>
      expect((await http.get('/api/telegram/client/status', token)).body.state).toBe('connected'),
    );
  });

  it('opens the portal as a Mini App for a person, signed in as their account by Telegram init data', async () => {
    const lee = person('lee@contoso.example');
    const opened = await http.post(`/sandbox/api/chats/${lee.id}/mini-app`, {
      startParam: 'ticket-T-1001',
      theme: 'dark',
    });
    expect(opened.status).toBe(200);
    const url = new URL(opened.body.url, sandbox.baseUrl);
    expect(url.pathname).toBe('/');
    expect(url.searchParams.get('startapp')).toBe('ticket-T-1001');
    const launch = new URLSearchParams(url.hash.slice(1));
    expect(launch.get('tgWebAppStartParam')).toBe('ticket-T-1001');
    expect(JSON.parse(launch.get('tgWebAppThemeParams') ?? '{}')).toMatchObject({ bg_color: '#212121' });
    const initData = launch.get('tgWebAppData') ?? '';
    // Signed with the bot's token: the API takes it as Telegram's word for who this is.
    const signedIn = await http.post('/api/auth/telegram', { initData });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toMatchObject({ email: 'lee@contoso.example', role: 'client' });
    // Tampered with, it is refused.
    expect(initData).toContain('Lee');
    const forged = await http.post('/api/auth/telegram', { initData: initData.replace('Lee', 'Leo') });
    expect(forged.status).toBe(401);
    const wrong = await http.post(`/sandbox/api/chats/${lee.id}/mini-app`, { startParam: 'no spaces' });
    expect(wrong.status).toBe(400);
  });

  it('answers a mistake with a 4xx that says what is wrong', async () => {
    const agent = person('agent@deskgram.example');
    const cases: [string, string, unknown, number, RegExp][] = [
      ['POST', '/sandbox/api/chats/1/messages', { text: 'hi' }, 404, /no chat 1/],
      ['POST', `/sandbox/api/chats/${agent.id}/messages`, { text: '   ' }, 400, /empty/],
      ['POST', `/sandbox/api/chats/${agent.id}/messages`, { text: 5 }, 400, /text/],
      ['POST', `/sandbox/api/chats/${agent.id}/messages`, { text: 'x'.repeat(4097) }, 400, /4096/],
      ['POST', `/sandbox/api/chats/${agent.id}/messages`, { text: 'hi', replyTo: 99999 }, 400, /answered/],
      ['POST', `/sandbox/api/chats/${agent.id}/buttons`, { messageId: 99999, data: 'x' }, 404, /no message/],
      ['POST', `/sandbox/api/chats/${agent.id}/blocked`, { blocked: 'yes' }, 400, /blocked/],
      ['GET', '/sandbox/api/nothing', undefined, 404, /route/],
    ];
    for (const [method, path, body, status, message] of cases) {
      const response = await http.request(method, path, { body });
      expect({ path, status: response.status }).toEqual({ path, status });
      expect(response.body.message).toMatch(message);
    }
  });
});

describe('the production build', () => {
  const markers = ['TelegramBotApiDouble', 'SandboxTelegram', 'sandboxRoutes', 'deskgram_sandbox_bot'];

  async function scripts(dir: string): Promise<string> {
    const files = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.js'));
    return (await Promise.all(files.map((file) => readFile(join(dir, file), 'utf8')))).join('\n');
  }

  it('contains no sandbox code: neither the API bundle nor the portal', async () => {
    const dist = dirname(dirname(API_MAIN));
    // The markers are real: the sandbox bundle holds every one of them.
    const sandboxCode = await scripts(dirname(SANDBOX_MAIN));
    for (const marker of markers) expect(sandboxCode).toContain(marker);
    const api = await scripts(dirname(API_MAIN));
    const portal = await scripts(join(dist, 'portal'));
    for (const marker of markers) {
      expect(api).not.toContain(marker);
      expect(portal).not.toContain(marker);
    }
    expect(api).not.toContain('/sandbox/api');
    expect(portal).not.toContain('/sandbox/api');
  });

  it('npm run start:prod serves no sandbox, even asked for one', async () => {
    const api = await startApi({ env: { DATABASE_URL: process.env['DATABASE_URL'], SANDBOX: 'true' } });
    try {
      const state = await fetch(`${api.baseUrl}/sandbox/api/state`);
      expect(state.headers.get('content-type')).not.toMatch(/json/);
      const start = await fetch(`${api.baseUrl}/sandbox/start?start=abc`, { redirect: 'manual' });
      expect(start.status).not.toBe(303);
      const health = await (await fetch(`${api.baseUrl}/api/health`)).json();
      // Telegram stays what the environment says: not configured, no double behind it.
      expect(health.info.telegram.state).toBe('not_configured');
    } finally {
      await api.stop();
    }
  });

  it('the sandbox refuses to run with NODE_ENV=production', () => {
    const run = spawnSync(process.execPath, [SANDBOX_MAIN], {
      env: { PATH: process.env['PATH'], NODE_ENV: 'production' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('never runs with NODE_ENV=production');
  });
});
