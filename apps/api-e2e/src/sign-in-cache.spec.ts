import { type ApiProcess, eventually, queryDatabase, startApi, useTestEnvironment } from '@deskgram/testing/harness';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO, type Session, TestClient } from './support/api-client';

const JWT_SECRET = 'a-secret-that-is-long-enough-for-hs256!';
const LISTENER = 'deskgram sign-in cache';

/**
 * The guard caches who is signed in; every change still takes effect: at once in the process that made it, as soon
 * as the NOTIFY arrives in the others (or when the change is made in SQL), and a process that lost its listening
 * connection forgets what it held. Two API processes on one database with demo data.
 */
describe('the cache of signed-in users', () => {
  const env = useTestEnvironment({ api: { DEMO_DATA: 'true', JWT_SECRET } });
  let second: ApiProcess;
  let secondDataDir: string;
  let http: TestClient;
  let other: TestClient;
  let agent: Session;
  let admin: Session;
  let northwindId: string;
  let userCounter = 0;

  beforeAll(async () => {
    secondDataDir = await mkdtemp(join(tmpdir(), 'deskgram-e2e-'));
    second = await startApi({ env: { DATABASE_URL: env.database.url, DATA_DIR: secondDataDir, JWT_SECRET } });
    http = new TestClient(env.baseUrl);
    other = new TestClient(second.baseUrl);
    agent = await http.signIn(DEMO.agent);
    admin = await http.signIn(DEMO.admin);
    northwindId = (await http.signIn(DEMO.client)).user.clientId as string;
    // Both processes listen before the first test: until then neither caches anything.
    await eventually(async () => expect(await listeners()).toBe(2));
  });

  afterAll(async () => {
    await second?.stop();
    if (secondDataDir) await rm(secondDataDir, { recursive: true, force: true });
  });

  /** The listening connections of the API processes on this test's database (connected; LISTEN follows at once). */
  const listeners = async () =>
    (
      await queryDatabase<{ n: number }>(
        env.database.url,
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = $1`,
        [LISTENER],
      )
    )[0].n;

  /** A new portal user of Northwind, signed in. */
  const newSignedInUser = async () => {
    userCounter++;
    const email = `cached${userCounter}@northwind.example`;
    const added = await http.post(
      `/api/clients/${northwindId}/users`,
      { email, password: 'cached-password', displayName: `Cached ${userCounter}` },
      agent.accessToken,
    );
    expect(added.status).toBe(201);
    const session = await http.signIn(email, 'cached-password');
    return { id: session.user.id, session };
  };

  const me = (client: TestClient, session: Session) => client.get('/api/auth/me', session.accessToken);

  /** Disables or enables in SQL without firing the triggers, so without a NOTIFY: a notification that was missed. */
  const silently = (userId: string, disabled: boolean) =>
    queryDatabase(
      env.database.url,
      // Several statements in one simple query (no parameters): the SET holds for the UPDATE on this connection.
      `SET session_replication_role = replica;
       UPDATE users SET disabled_at = ${disabled ? 'now()' : 'NULL'} WHERE id = '${userId.replace(/[^0-9a-f-]/g, '')}'`,
    );

  it('refuses a user disabled through the API on the very next request to that process', async () => {
    const { id, session } = await newSignedInUser();
    for (let index = 0; index < 3; index++) expect((await me(http, session)).status).toBe(200);
    const disabled = await http.patch(`/api/clients/${northwindId}/users/${id}`, { disabled: true }, agent.accessToken);
    expect(disabled.status).toBe(200);
    const refused = await me(http, session);
    expect(refused.status).toBe(401);
    expect(refused.body.message).toBe('Sign in first: the access token is missing, expired or no longer valid');
  });

  it('does not wait for its own notification: the change is seen at once even when none comes', async () => {
    const { id, session } = await newSignedInUser();
    const triggers = (state: 'ENABLE' | 'DISABLE') =>
      queryDatabase(
        env.database.url,
        `ALTER TABLE users ${state} TRIGGER users_sign_in_change_on_update;
         ALTER TABLE refresh_tokens ${state} TRIGGER refresh_tokens_sign_in_change_on_update`,
      );
    await triggers('DISABLE');
    try {
      // The sign-in is cached: a change that no one hears of is not seen (enabled again between tries).
      await eventually(async () => {
        await silently(id, false);
        expect((await me(http, session)).status).toBe(200);
        await silently(id, true);
        expect((await me(http, session)).status).toBe(200);
      });
      await silently(id, false);
      const disabled = await http.patch(
        `/api/clients/${northwindId}/users/${id}`,
        { disabled: true },
        agent.accessToken,
      );
      expect(disabled.status).toBe(200);
      expect((await me(http, session)).status).toBe(401);
    } finally {
      await triggers('ENABLE');
    }
  });

  it('ends a sign-in at once on sign-out, and the other sign-ins of the user go on', async () => {
    const { session } = await newSignedInUser();
    const otherSession = await http.signIn(session.user.email, 'cached-password');
    expect((await me(http, session)).status).toBe(200);
    expect((await me(http, otherSession)).status).toBe(200);
    const logout = await http.post('/api/auth/logout', { refreshToken: session.refreshToken }, session.accessToken);
    expect(logout.status).toBe(204);
    expect((await me(http, session)).status).toBe(401);
    expect((await me(http, otherSession)).status).toBe(200);
  });

  it('shows a changed role and name on the very next request', async () => {
    const created = await http.post(
      '/api/users',
      {
        email: 'cached-staff@deskgram.example',
        password: 'staff-password',
        displayName: 'Cached Staff',
        role: 'admin',
      },
      admin.accessToken,
    );
    expect(created.status).toBe(201);
    const session = await http.signIn('cached-staff@deskgram.example', 'staff-password');
    // An admin-only route that changes nothing.
    const adminOnly = () => http.patch(`/api/users/${session.user.id}`, {}, session.accessToken);
    expect((await adminOnly()).status).toBe(200);
    const changed = await http.patch(
      `/api/users/${session.user.id}`,
      { role: 'agent', displayName: 'Demoted' },
      admin.accessToken,
    );
    expect(changed.status).toBe(200);
    expect((await me(http, session)).body).toMatchObject({ role: 'agent', displayName: 'Demoted' });
    expect((await adminOnly()).status).toBe(403);
  });

  it('refuses a user disabled in SQL by another writer once the notification has arrived', async () => {
    const { id, session } = await newSignedInUser();
    expect((await me(http, session)).status).toBe(200);
    expect((await me(other, session)).status).toBe(200);
    await queryDatabase(env.database.url, 'UPDATE users SET disabled_at = now() WHERE id = $1', [id]);
    await eventually(async () => expect((await me(http, session)).status).toBe(401));
    await eventually(async () => expect((await me(other, session)).status).toBe(401));
  });

  it('refuses, in a second process, a user disabled through the first', async () => {
    const { id, session } = await newSignedInUser();
    for (let index = 0; index < 3; index++) expect((await me(other, session)).status).toBe(200);
    const disabled = await http.patch(`/api/clients/${northwindId}/users/${id}`, { disabled: true }, agent.accessToken);
    expect(disabled.status).toBe(200);
    await eventually(async () => expect((await me(other, session)).status).toBe(401));
  });

  it('ends a sign-in whose start is moved past its lifetime in SQL', async () => {
    const { session } = await newSignedInUser();
    expect((await me(other, session)).status).toBe(200);
    await queryDatabase(
      env.database.url,
      `UPDATE refresh_tokens SET session_started_at = now() - interval '400 days' WHERE user_id = $1`,
      [session.user.id],
    );
    await eventually(async () => expect((await me(other, session)).status).toBe(401));
  });

  it('forgets what it held when its listening connection drops, since notifications may have been missed', async () => {
    const { id, session } = await newSignedInUser();
    // Once the cache holds the sign-in, a change that no one hears of is not seen (enabled again between tries).
    await eventually(async () => {
      await silently(id, false);
      expect((await me(other, session)).status).toBe(200);
      await silently(id, true);
      expect((await me(other, session)).status).toBe(200);
    });
    await queryDatabase(
      env.database.url,
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = $1`,
      [LISTENER],
    );
    await eventually(async () => expect((await me(other, session)).status).toBe(401));
    // Both listen again, and still refuse.
    await eventually(async () => expect(await listeners()).toBe(2));
    expect((await me(other, session)).status).toBe(401);
    expect((await me(http, session)).status).toBe(401);
    // And the cache serves again: a notified change still takes effect.
    const fresh = await newSignedInUser();
    expect((await me(other, fresh.session)).status).toBe(200);
    await queryDatabase(env.database.url, 'UPDATE users SET disabled_at = now() WHERE id = $1', [fresh.id]);
    await eventually(async () => expect((await me(other, fresh.session)).status).toBe(401));
  });
});
