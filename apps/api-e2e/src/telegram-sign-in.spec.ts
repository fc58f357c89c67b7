import { queryDatabase, useTestEnvironment } from '@deskgram/testing/harness';
import type { TelegramBotApiDouble, TelegramPerson } from '@deskgram/testing/telegram-bot-api';
import { sign } from '@telegram-apps/init-data-node';
import { type ApiResponse, DEMO, DEMO_PASSWORD, type Session, TestClient } from './support/api-client';
import { BOT_TOKEN, eventually, linkTelegram } from './support/telegram';

/** Another bot's token: init data it signs is not ours. */
const OTHER_BOT_TOKEN = '987654321:AAFkW1tJm2GZ3mDp4q5r6s7t8u9v0wxyzAB';
const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;

/** The init data Telegram gives the Mini App of this person, signed with the bot's token as Telegram does. */
function initDataOf(person: TelegramPerson, options: { authDate?: Date; token?: string } = {}): string {
  return sign(
    {
      query_id: 'AAHdF6IQAAAAAN0XohDhrOrc',
      user: {
        id: person.id,
        first_name: person.firstName,
        language_code: person.languageCode ?? 'en',
        allows_write_to_pm: true,
      },
    },
    options.token ?? BOT_TOKEN,
    options.authDate ?? new Date(),
  );
}

/** The init data with one field replaced and the hash kept, as someone who cannot sign would send it. */
function withField(initData: string, key: string, value: string): string {
  const params = new URLSearchParams(initData);
  params.set(key, value);
  return params.toString();
}

function withoutField(initData: string, key: string): string {
  const params = new URLSearchParams(initData);
  params.delete(key);
  return params.toString();
}

/** Every request from its own address unless told otherwise, so that only the throttle tests meet the limit. */
let addresses = 0;
const nextAddress = () => `198.18.${Math.floor(++addresses / 250)}.${(addresses % 250) + 1}`;

/**
 * Signing in from the Telegram Mini App (`POST /api/auth/telegram`): the init data Telegram signed with the bot's
 * token, for a Telegram user linked to an enabled portal user, answers the same session as a password sign-in.
 */
describe('sign-in from the Telegram Mini App', () => {
  const env = useTestEnvironment({
    api: { DEMO_DATA: 'true', TRUST_PROXY: 'loopback' },
    telegram: { token: BOT_TOKEN, username: 'deskgram_test_bot', limits: { perChatPerSecond: 100 } },
  });
  let telegram: TelegramBotApiDouble;
  let http: TestClient;
  let admin: Session;
  let anna: Session;
  const people = {} as Record<'anna' | 'ben' | 'stranger', TelegramPerson>;

  const signInWithTelegram = (initData: unknown, from = nextAddress()): Promise<ApiResponse> =>
    http.request('POST', '/api/auth/telegram', { body: { initData }, from });

  function expectRefused(response: ApiResponse, status: number, code: string | undefined) {
    expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
    expect(response.body).not.toHaveProperty('accessToken');
  }

  /** A staff account of its own, signed in, so that disabling it touches nobody else's test. */
  async function newStaffUser(name: string): Promise<Session> {
    const email = `${name.toLowerCase()}.${Date.now()}@deskgram.example`;
    const created = await http.post(
      '/api/users',
      { email, password: 'a long staff password', displayName: name, role: 'agent' },
      admin.accessToken,
    );
    expect(created.status).toBe(201);
    return http.signIn(email, 'a long staff password');
  }

  /** Links the portal user to the person and waits until the portal says so (the person may have linked before). */
  async function link(session: Session, person: TelegramPerson, area: 'client' | 'user') {
    const response = await http.post(`/api/telegram/${area}/generate-link`, {}, session.accessToken);
    expect(response.status).toBe(200);
    await telegram.pressStart(person, new URL(response.body.url).searchParams.get('start') ?? '');
    await eventually(async () => {
      const status = await http.get(`/api/telegram/${area}/status`, session.accessToken);
      expect(status.body).toMatchObject({ connected: true, state: 'connected' });
    });
  }

  /** A staff account of its own with a Telegram person linked to it: each test counts its own refusals. */
  async function linkedPerson(name: string): Promise<{ user: Session; person: TelegramPerson }> {
    const user = await newStaffUser(name);
    const person = telegram.person({ firstName: name, languageCode: 'en' });
    await link(user, person, 'user');
    return { user, person };
  }

  async function setDisabled(user: Session, disabled: boolean) {
    const response = await http.patch(`/api/users/${user.user.id}`, { disabled }, admin.accessToken);
    expect(response.status).toBe(200);
  }

  async function counts(): Promise<{ refreshTokens: number; failures: number }> {
    const [row] = await queryDatabase<{ refresh_tokens: number; failures: number }>(
      env.database.url,
      `SELECT (SELECT count(*)::int FROM refresh_tokens) AS refresh_tokens,
              (SELECT count(*)::int FROM sign_in_failures) AS failures`,
    );
    return { refreshTokens: row.refresh_tokens, failures: row.failures };
  }

  beforeAll(async () => {
    telegram = env.telegram;
    http = new TestClient(env.baseUrl);
    [admin, anna] = await Promise.all([http.signIn(DEMO.admin), http.signIn(DEMO.client)]);
    people.anna = telegram.person({ firstName: 'Anna', languageCode: 'en' });
    people.ben = telegram.person({ firstName: 'Ben', languageCode: 'en' });
    people.stranger = telegram.person({ firstName: 'Stranger', languageCode: 'en' });
    await linkTelegram(http, telegram, anna, people.anna, 'client');
  });

  it('signs the linked person in with the session a password sign-in answers, which works like one', async () => {
    const response = await signInWithTelegram(initDataOf(people.anna));
    expect(response.status).toBe(200);
    const password = await http.post('/api/auth/login', { email: DEMO.client, password: DEMO_PASSWORD });
    expect(Object.keys(response.body).sort()).toEqual(Object.keys(password.body).sort());
    expect(response.body.user).toEqual(password.body.user);
    // No Telegram id in the answer.
    expect(response.text).not.toContain(String(people.anna.id));

    const me = await http.get('/api/auth/me', response.body.accessToken);
    expect(me.status).toBe(200);
    expect(me.body).toEqual(anna.user);
    const tickets = await http.get('/api/tickets', response.body.accessToken);
    expect(tickets.status).toBe(200);

    // Refreshed, then ended, like any sign-in.
    const refreshed = await http.post('/api/auth/refresh', { refreshToken: response.body.refreshToken });
    expect(refreshed.status).toBe(200);
    const logout = await http.post(
      '/api/auth/logout',
      { refreshToken: refreshed.body.refreshToken },
      refreshed.body.accessToken,
    );
    expect(logout.status).toBe(204);
    expectRefused(
      await http.post('/api/auth/refresh', { refreshToken: refreshed.body.refreshToken }),
      401,
      'auth.session_ended',
    );
    expect((await http.get('/api/auth/me', refreshed.body.accessToken)).status).toBe(401);
  });

  it('records the sign-in as the account’s last sign-in', async () => {
    const { user, person } = await linkedPerson('Lena');
    await queryDatabase(env.database.url, 'UPDATE users SET last_sign_in_at = NULL WHERE id = $1', [user.user.id]);
    expect((await signInWithTelegram(initDataOf(person))).status).toBe(200);
    const [row] = await queryDatabase(env.database.url, 'SELECT last_sign_in_at FROM users WHERE id = $1', [
      user.user.id,
    ]);
    expect(row['last_sign_in_at']).not.toBeNull();
  });

  it('refuses a forged hash: data changed after signing, or a hash that is not the signature', async () => {
    const { person } = await linkedPerson('Nina');
    // The stranger's own signed data, with the linked person's user put in.
    const strangers = initDataOf(people.stranger);
    const ninaUser = new URLSearchParams(initDataOf(person)).get('user') ?? '';
    expectRefused(await signInWithTelegram(withField(strangers, 'user', ninaUser)), 401, 'auth.telegram_invalid');
    const hash = new URLSearchParams(initDataOf(person)).get('hash') ?? '';
    const flipped = `${hash.slice(0, -1)}${hash.endsWith('0') ? '1' : '0'}`;
    expectRefused(
      await signInWithTelegram(withField(initDataOf(person), 'hash', flipped)),
      401,
      'auth.telegram_invalid',
    );
    expectRefused(
      await signInWithTelegram(withField(initDataOf(person), 'hash', 'not-a-hash')),
      401,
      'auth.telegram_invalid',
    );
    expect((await signInWithTelegram(initDataOf(person))).status).toBe(200);
  });

  it('refuses init data another bot signed', async () => {
    const { person } = await linkedPerson('Olga');
    const response = await signInWithTelegram(initDataOf(person, { token: OTHER_BOT_TOKEN }));
    expectRefused(response, 401, 'auth.telegram_invalid');
    expect(response.text).not.toContain(BOT_TOKEN);
  });

  it('refuses init data older than TELEGRAM_INIT_DATA_MAX_AGE (24 hours) and takes it just younger', async () => {
    const { person } = await linkedPerson('Petra');
    const stale = initDataOf(person, { authDate: new Date(Date.now() - DAY - MINUTE) });
    expectRefused(await signInWithTelegram(stale), 401, 'auth.telegram_expired');
    const older = initDataOf(person, { authDate: new Date(Date.now() - 30 * DAY) });
    expectRefused(await signInWithTelegram(older), 401, 'auth.telegram_expired');
    const young = initDataOf(person, { authDate: new Date(Date.now() - DAY + 5 * MINUTE) });
    expect((await signInWithTelegram(young)).status).toBe(200);
  });

  it('refuses an auth_date more than a minute ahead of the server’s clock, and takes a little skew', async () => {
    const { person } = await linkedPerson('Quinn');
    const future = initDataOf(person, { authDate: new Date(Date.now() + 5 * MINUTE) });
    expectRefused(await signInWithTelegram(future), 401, 'auth.telegram_invalid');
    const skewed = initDataOf(person, { authDate: new Date(Date.now() + 20 * 1000) });
    expect((await signInWithTelegram(skewed)).status).toBe(200);
  });

  it('refuses a Telegram user who never linked a portal account', async () => {
    const response = await signInWithTelegram(initDataOf(people.stranger));
    expectRefused(response, 401, 'auth.telegram_not_linked');
  });

  it('refuses a person whose link was disconnected, from the portal or with /stop', async () => {
    const ben = await http.signIn(DEMO.clientColleague);
    await link(ben, people.ben, 'client');
    expect((await signInWithTelegram(initDataOf(people.ben))).status).toBe(200);
    expect((await http.post('/api/telegram/client/disconnect', {}, ben.accessToken)).status).toBe(200);
    expectRefused(await signInWithTelegram(initDataOf(people.ben)), 401, 'auth.telegram_not_linked');

    await link(ben, people.ben, 'client');
    expect((await signInWithTelegram(initDataOf(people.ben))).status).toBe(200);
    await telegram.sendText(people.ben, '/stop');
    await eventually(async () => {
      const status = await http.get('/api/telegram/client/status', ben.accessToken);
      expect(status.body).toMatchObject({ connected: false, state: 'not_connected' });
    });
    expectRefused(await signInWithTelegram(initDataOf(people.ben)), 401, 'auth.telegram_not_linked');
  });

  it('refuses a person who blocked the bot until they restart it: only a connected link signs in', async () => {
    const { user, person } = await linkedPerson('Mira');
    await telegram.blockBot(person);
    await eventually(async () => {
      const status = await http.get('/api/telegram/user/status', user.accessToken);
      expect(status.body).toMatchObject({ state: 'blocked' });
    });
    expectRefused(await signInWithTelegram(initDataOf(person)), 401, 'auth.telegram_not_linked');
    await telegram.unblockBot(person);
    await eventually(async () => {
      const status = await http.get('/api/telegram/user/status', user.accessToken);
      expect(status.body).toMatchObject({ state: 'connected' });
    });
    expect((await signInWithTelegram(initDataOf(person))).status).toBe(200);
  });

  it('refuses a disabled user as if not linked, and signs them in again once enabled', async () => {
    const { user, person } = await linkedPerson('Oleg');
    expect((await signInWithTelegram(initDataOf(person))).status).toBe(200);
    await setDisabled(user, true);
    const refused = await signInWithTelegram(initDataOf(person));
    expectRefused(refused, 401, 'auth.telegram_not_linked');
    expect(refused.body.message).not.toMatch(/disabled/i);
    await setDisabled(user, false);
    const again = await signInWithTelegram(initDataOf(person));
    expect(again.status).toBe(200);
    expect(again.body.user.id).toBe(user.user.id);
  });

  it('signs a person linked to several accounts in as the most recently linked enabled one', async () => {
    const first = await newStaffUser('First');
    const second = await newStaffUser('Second');
    const person = telegram.person({ firstName: 'Pat', languageCode: 'en' });
    await link(first, person, 'user');
    await link(second, person, 'user');
    expect((await signInWithTelegram(initDataOf(person))).body.user.id).toBe(second.user.id);
    await setDisabled(second, true);
    expect((await signInWithTelegram(initDataOf(person))).body.user.id).toBe(first.user.id);
    await setDisabled(second, false);
    // Linking the first again makes it the most recent.
    await link(first, person, 'user');
    expect((await signInWithTelegram(initDataOf(person))).body.user.id).toBe(first.user.id);
  });

  it('answers 400 to a body that is not init data, writing nothing (not even a failed attempt)', async () => {
    const before = await counts();
    const signed = initDataOf(people.anna);
    // The body's shape: the usual 400 of invalid input, naming the field.
    const shapes: Array<[unknown, RegExp]> = [
      [undefined, /initData must be a string/],
      [42, /initData must be a string/],
      [{ hash: 'x' }, /initData must be a string/],
      ['', /initData must not be empty/],
      [`${signed}&${'x'.repeat(4096)}`, /initData must be shorter than or equal to 4096 characters/],
    ];
    for (const [initData, message] of shapes) {
      const response = await signInWithTelegram(initData);
      expectRefused(response, 400, undefined);
      expect(response.body.message).toMatch(message);
    }
    const extra = await http.request('POST', '/api/auth/telegram', {
      body: { initData: signed, remember: true },
      from: nextAddress(),
    });
    expectRefused(extra, 400, undefined);
    expect(extra.body.message).toMatch(/property remember should not exist/);

    // A string that is not a Mini App's init data: `auth.telegram_malformed`.
    const malformed: Array<[string, string]> = [
      ['no hash', withoutField(signed, 'hash')],
      ['no user', sign({ query_id: 'AAHdF6IQAAAAAN0XohDhrOrc' }, BOT_TOKEN, new Date())],
      ['a user that is not JSON', withField(signed, 'user', '{"id":')],
      ['a user without an id', withField(signed, 'user', JSON.stringify({ first_name: 'Anna' }))],
      ['a user id that is not a whole number', withField(signed, 'user', JSON.stringify({ id: 1.5, first_name: 'A' }))],
      ['no auth_date', withoutField(signed, 'auth_date')],
      ['an auth_date that is not a time', withField(signed, 'auth_date', 'yesterday')],
      ['a repeated field', `${signed}&hash=${'0'.repeat(64)}`],
      ['plain text', 'let me in'],
    ];
    for (const [shape, initData] of malformed) {
      const response = await signInWithTelegram(initData);
      expect({ shape, status: response.status, code: response.body.code }).toEqual({
        shape,
        status: 400,
        code: 'auth.telegram_malformed',
      });
    }
    expect(await counts()).toEqual(before);
  });

  it('answers 429 with Retry-After after 10 refusals in a minute from one address, even for valid data', async () => {
    const from = '203.0.113.7';
    for (let n = 0; n < 10; n++) {
      // Ten Telegram users, so that only the address is counted ten times.
      const person = telegram.person({ firstName: `Guess ${n}` });
      expectRefused(
        await signInWithTelegram(initDataOf(person, { token: OTHER_BOT_TOKEN }), from),
        401,
        'auth.telegram_invalid',
      );
    }
    const blocked = await signInWithTelegram(initDataOf(people.anna), from);
    expectRefused(blocked, 429, 'auth.too_many_failures');
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // The person is not locked out from elsewhere.
    expect((await signInWithTelegram(initDataOf(people.anna))).status).toBe(200);
  });

  it('answers 429 after 10 refusals in a minute for one Telegram user, from any address', async () => {
    const { user, person } = await linkedPerson('Rita');
    for (let n = 0; n < 10; n++) {
      const stale = initDataOf(person, { authDate: new Date(Date.now() - 2 * DAY) });
      expectRefused(await signInWithTelegram(stale), 401, 'auth.telegram_expired');
    }
    const blocked = await signInWithTelegram(initDataOf(person));
    expectRefused(blocked, 429, 'auth.too_many_failures');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // The password sign-in of the same account is counted apart.
    expect(
      (await http.post('/api/auth/login', { email: user.user.email, password: 'a long staff password' })).status,
    ).toBe(200);
  });

  it('holds the limit under concurrency: of 25 refusals sent at once from one address, 10 are answered 401', async () => {
    const from = '203.0.113.8';
    const person = telegram.person({ firstName: 'Crowd' });
    const answers = await Promise.all(Array.from({ length: 25 }, () => signInWithTelegram(initDataOf(person), from)));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([...Array(10).fill(401), ...Array(15).fill(429)]);
  });
});

describe('sign-in from the Telegram Mini App on a server without a bot token', () => {
  const env = useTestEnvironment();

  it('answers 503 telegram.not_configured, whatever the init data', async () => {
    const http = new TestClient(env.baseUrl);
    const person = { id: 424242, firstName: 'Anna', languageCode: 'en' } as TelegramPerson;
    for (const initData of [initDataOf(person), initDataOf(person, { token: OTHER_BOT_TOKEN }), 'let me in']) {
      const response = await http.post('/api/auth/telegram', { initData });
      expect({ status: response.status, code: response.body.code }).toEqual({
        status: 503,
        code: 'telegram.not_configured',
      });
    }
    // The body is still checked first.
    expect((await http.post('/api/auth/telegram', { initData: '' })).status).toBe(400);
  });
});
