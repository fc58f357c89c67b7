import { queryDatabase, useTestEnvironment } from '@deskgram/testing/harness';
import { createHash } from 'node:crypto';
import { type ApiResponse, DEMO, type Session, TestClient } from './support/api-client';

const PUBLIC_URL = 'https://help.example.org';
const SESSION_MAX_AGE_DAYS = 2;
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

/**
 * The life of an account: throttled sign-in under concurrency, changing one's own password, staff disabling users
 * and giving them new passwords or reset links, and the absolute lifetime of a sign-in. The built API over HTTP on
 * a database with demo data.
 */
describe('account lifecycle', () => {
  const env = useTestEnvironment({
    api: {
      DEMO_DATA: 'true',
      TRUST_PROXY: 'loopback',
      PUBLIC_URL,
      SESSION_MAX_AGE_DAYS: String(SESSION_MAX_AGE_DAYS),
    },
  });
  let http: TestClient;
  let agent: Session;
  let admin: Session;
  let northwindId: string;
  let romashkaId: string;
  /** Every body the API answered in this file, to check that none carries a secret. */
  const bodies: string[] = [];
  let addressCounter = 0;

  /** A fresh client address for each attempt that fails on purpose, so that the per-address limit stays clear. */
  const nextAddress = () => {
    addressCounter++;
    return `100.64.${Math.floor(addressCounter / 250)}.${(addressCounter % 250) + 1}`;
  };

  const call = async (
    method: string,
    path: string,
    options: { token?: string; body?: unknown; from?: string } = {},
  ): Promise<ApiResponse> => {
    const response = await http.request(method, path, options);
    bodies.push(response.text);
    return response;
  };

  let userCounter = 0;
  /** A new portal user of Northwind with a known password, signed in once. */
  const newClientUser = async (password = 'first-password') => {
    userCounter++;
    const email = `person${userCounter}@northwind.example`;
    const added = await call('POST', `/api/clients/${northwindId}/users`, {
      token: agent.accessToken,
      body: { email, password, displayName: `Person ${userCounter}` },
    });
    expect(added.status).toBe(201);
    const id = added.body.users.find((user: { email: string }) => user.email === email).id as string;
    return { id, email, password };
  };

  const refreshOf = (session: { refreshToken: string }) =>
    call('POST', '/api/auth/refresh', { body: { refreshToken: session.refreshToken } });

  const signInFails = async (email: string, password: string) => {
    const response = await call('POST', '/api/auth/login', { body: { email, password }, from: nextAddress() });
    return response.status;
  };

  beforeAll(async () => {
    http = new TestClient(env.baseUrl);
    agent = await http.signIn(DEMO.agent);
    admin = await http.signIn(DEMO.admin);
    northwindId = (await http.signIn(DEMO.client)).user.clientId as string;
    romashkaId = (await http.signIn(DEMO.otherClient)).user.clientId as string;
  });

  describe('sign-in throttling under concurrency', () => {
    it('lets at most 10 of 40 simultaneous wrong passwords for one e-mail reach the password check', async () => {
      const person = await newClientUser('the-right-password');
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, n) =>
          call('POST', '/api/auth/login', {
            body: { email: n % 2 ? person.email : person.email.toUpperCase(), password: `wrong ${n}` },
            from: `198.18.0.${n + 1}`,
          }),
        ),
      );
      const statuses = answers.map((answer) => answer.status);
      expect(statuses.filter((status) => status === 401)).toHaveLength(10);
      expect(statuses.filter((status) => status === 429)).toHaveLength(30);
      for (const answer of answers.filter((candidate) => candidate.status === 429)) {
        const retryAfter = Number(answer.headers.get('retry-after'));
        expect(retryAfter).toBeGreaterThan(0);
        expect(retryAfter).toBeLessThanOrEqual(60);
        expect(answer.body.code).toBe('auth.too_many_failures');
      }
      // The right password does not get through either until the window has passed.
      const right = await call('POST', '/api/auth/login', {
        body: { email: person.email, password: person.password },
        from: '198.18.1.1',
      });
      expect(right.status).toBe(429);
    });

    it('holds the per-address limit for simultaneous attempts on many e-mails', async () => {
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, n) =>
          call('POST', '/api/auth/login', {
            body: { email: `nobody${n}@example.org`, password: 'wrong' },
            from: '198.19.0.1',
          }),
        ),
      );
      const statuses = answers.map((answer) => answer.status);
      expect(statuses.filter((status) => status === 401)).toHaveLength(10);
      expect(statuses.filter((status) => status === 429)).toHaveLength(30);
    });

    it('does not count successful sign-ins against anyone', async () => {
      const person = await newClientUser('the-right-password');
      const answers = await Promise.all(
        Array.from({ length: 15 }, () =>
          call('POST', '/api/auth/login', {
            body: { email: person.email, password: person.password },
            from: '198.20.0.1',
          }),
        ),
      );
      // Concurrent right passwords may briefly see each other's reservations, but they all succeed in turn.
      const statuses = answers.map((answer) => answer.status);
      expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(10);
      const later = await call('POST', '/api/auth/login', {
        body: { email: person.email, password: person.password },
        from: '198.20.0.1',
      });
      expect(later.status).toBe(200);
    });
  });

  describe('POST /api/auth/password', () => {
    it('changes the password, answers a new pair for this sign-in and ends every other sign-in', async () => {
      const person = await newClientUser('old-password');
      const here = await http.signIn(person.email, person.password);
      const elsewhere = await http.signIn(person.email, person.password);

      const changed = await call('POST', '/api/auth/password', {
        token: here.accessToken,
        body: { currentPassword: 'old-password', newPassword: 'new-password' },
      });
      expect(changed.status).toBe(200);
      expect(Object.keys(changed.body).sort()).toEqual(['accessToken', 'refreshToken', 'user']);
      expect(changed.body.user).toEqual(here.user);

      // This sign-in goes on with the new pair.
      expect((await call('GET', '/api/auth/me', { token: changed.body.accessToken })).status).toBe(200);
      const next = await refreshOf(changed.body);
      expect(next.status).toBe(200);
      // The other sign-in has ended: its access token now, its refresh token too.
      expect((await call('GET', '/api/auth/me', { token: elsewhere.accessToken })).status).toBe(401);
      const otherRefresh = await refreshOf(elsewhere);
      expect(otherRefresh.status).toBe(401);
      expect(otherRefresh.body.code).toBe('auth.session_ended');
      // The tokens this sign-in held before the change are spent as well.
      expect((await call('GET', '/api/auth/me', { token: here.accessToken })).status).toBe(401);
      expect((await refreshOf(here)).status).toBe(401);

      expect(await signInFails(person.email, 'old-password')).toBe(401);
      expect((await http.signIn(person.email, 'new-password')).user.id).toBe(person.id);
    });

    it('works for staff too', async () => {
      const created = await call('POST', '/api/users', {
        token: admin.accessToken,
        body: { email: 'changer@deskgram.example', password: 'staff-old-pass', displayName: 'Changer', role: 'agent' },
      });
      expect(created.status).toBe(201);
      const session = await http.signIn('changer@deskgram.example', 'staff-old-pass');
      const changed = await call('POST', '/api/auth/password', {
        token: session.accessToken,
        body: { currentPassword: 'staff-old-pass', newPassword: 'staff-new-pass' },
      });
      expect(changed.status).toBe(200);
      expect((await http.signIn('changer@deskgram.example', 'staff-new-pass')).user.role).toBe('agent');
    });

    it('answers a wrong current password with 400 and a code, and changes nothing', async () => {
      const person = await newClientUser('kept-password');
      const session = await http.signIn(person.email, person.password);
      const wrong = await call('POST', '/api/auth/password', {
        token: session.accessToken,
        body: { currentPassword: 'not-it', newPassword: 'whatever-new' },
        from: nextAddress(),
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'The current password is not right',
        code: 'auth.wrong_password',
      });
      // The sign-in survives a typo.
      expect((await call('GET', '/api/auth/me', { token: session.accessToken })).status).toBe(200);
      expect((await http.signIn(person.email, person.password)).user.id).toBe(person.id);
    });

    it('counts wrong current passwords as failed sign-ins', async () => {
      const person = await newClientUser('guarded-password');
      const session = await http.signIn(person.email, person.password);
      const statuses = [];
      for (let n = 0; n < 11; n++) {
        const response = await call('POST', '/api/auth/password', {
          token: session.accessToken,
          body: { currentPassword: `guess ${n}`, newPassword: 'whatever-new' },
          from: `198.21.0.${n + 1}`,
        });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([...Array(10).fill(400), 429]);
      // And the e-mail's sign-in is throttled by them as well.
      const signIn = await call('POST', '/api/auth/login', {
        body: { email: person.email, password: person.password },
        from: '198.21.1.1',
      });
      expect(signIn.status).toBe(429);
    });

    it('rejects bad input with 400 and no token with 401', async () => {
      const person = await newClientUser('input-password');
      const session = await http.signIn(person.email, person.password);
      const cases: Array<[unknown, RegExp]> = [
        [{ currentPassword: person.password, newPassword: 'short' }, /newPassword must be at least 8 characters/],
        [{ currentPassword: person.password }, /newPassword/],
        [{ newPassword: 'long-enough' }, /currentPassword/],
        [{ currentPassword: person.password, newPassword: 'x'.repeat(201) }, /newPassword must be shorter/],
        [{ currentPassword: person.password, newPassword: 'long-enough', extra: 1 }, /property extra should not/],
      ];
      for (const [body, message] of cases) {
        const response = await call('POST', '/api/auth/password', { token: session.accessToken, body });
        expect({ body, status: response.status }).toEqual({ body, status: 400 });
        expect(response.body.message).toMatch(message);
      }
      const anonymous = await call('POST', '/api/auth/password', {
        body: { currentPassword: person.password, newPassword: 'long-enough' },
      });
      expect(anonymous.status).toBe(401);
    });
  });

  describe("staff manage a client's portal users", () => {
    it('disabling ends the sign-ins at once; enabling lets the person sign in again', async () => {
      const person = await newClientUser('client-password');
      const session = await http.signIn(person.email, person.password);
      expect((await call('GET', '/api/auth/me', { token: session.accessToken })).status).toBe(200);

      const disabled = await call('PATCH', `/api/clients/${northwindId}/users/${person.id}`, {
        token: agent.accessToken,
        body: { disabled: true },
      });
      expect(disabled.status).toBe(200);
      expect(disabled.body.id).toBe(northwindId);
      expect(disabled.body.users.find((user: { id: string }) => user.id === person.id).disabled).toBe(true);

      const live = await queryDatabase(
        env.database.url,
        'SELECT count(*)::int AS n FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL',
        [person.id],
      );
      expect(live).toEqual([{ n: 0 }]);
      expect((await call('GET', '/api/auth/me', { token: session.accessToken })).status).toBe(401);
      const refresh = await refreshOf(session);
      expect(refresh.status).toBe(401);
      expect(refresh.body.code).toBe('auth.disabled');
      const signIn = await call('POST', '/api/auth/login', {
        body: { email: person.email, password: person.password },
      });
      expect(signIn.status).toBe(401);
      expect(signIn.body.code).toBe('auth.disabled');

      const enabled = await call('PATCH', `/api/clients/${northwindId}/users/${person.id}`, {
        token: agent.accessToken,
        body: { disabled: false },
      });
      expect(enabled.status).toBe(200);
      expect(enabled.body.users.find((user: { id: string }) => user.id === person.id).disabled).toBe(false);
      expect((await http.signIn(person.email, person.password)).user.id).toBe(person.id);
    });

    it('setting a new password ends the sign-ins and the new one works', async () => {
      const person = await newClientUser('before-staff-set');
      const session = await http.signIn(person.email, person.password);
      const set = await call('POST', `/api/clients/${northwindId}/users/${person.id}/password`, {
        token: agent.accessToken,
        body: { password: 'set-by-staff-1' },
      });
      expect(set.status).toBe(204);
      expect(set.text).toBe('');
      expect((await call('GET', '/api/auth/me', { token: session.accessToken })).status).toBe(401);
      expect((await refreshOf(session)).status).toBe(401);
      expect(await signInFails(person.email, person.password)).toBe(401);
      expect((await http.signIn(person.email, 'set-by-staff-1')).user.id).toBe(person.id);
    });

    it('a reset link works once, ends the sign-ins, and is stored only as its hash', async () => {
      const person = await newClientUser('before-reset');
      const session = await http.signIn(person.email, person.password);
      const before = Date.now();
      const created = await call('POST', `/api/clients/${northwindId}/users/${person.id}/reset-link`, {
        token: agent.accessToken,
      });
      expect(created.status).toBe(201);
      expect(Object.keys(created.body).sort()).toEqual(['expiresAt', 'url']);
      expect(created.body.url).toMatch(/^https:\/\/help\.example\.org\/reset-password#token=[\w-]{43}$/);
      const expiresIn = Date.parse(created.body.expiresAt) - before;
      expect(expiresIn).toBeGreaterThan(24 * 3600_000 - 60_000);
      expect(expiresIn).toBeLessThanOrEqual(24 * 3600_000 + 60_000);
      const token = new URL(created.body.url).hash.replace('#token=', '');

      const stored = await queryDatabase<{ hash: string }>(
        env.database.url,
        "SELECT encode(token_hash, 'hex') AS hash FROM password_reset_tokens WHERE user_id = $1",
        [person.id],
      );
      expect(stored).toEqual([{ hash: createHash('sha256').update(token).digest('hex') }]);

      const reset = await call('POST', '/api/auth/reset-password', { body: { token, password: 'chosen-by-me' } });
      expect(reset.status).toBe(204);
      expect((await call('GET', '/api/auth/me', { token: session.accessToken })).status).toBe(401);
      expect((await refreshOf(session)).status).toBe(401);
      expect((await http.signIn(person.email, 'chosen-by-me')).user.id).toBe(person.id);

      const again = await call('POST', '/api/auth/reset-password', {
        body: { token, password: 'another-choice' },
        from: nextAddress(),
      });
      expect(again.status).toBe(400);
      expect(again.body.code).toBe('auth.reset_used');
      expect((await http.signIn(person.email, 'chosen-by-me')).user.id).toBe(person.id);
    });

    it('a newer link voids the older one, and an expired link is refused', async () => {
      const person = await newClientUser('before-links');
      const tokenOf = (response: ApiResponse) => new URL(response.body.url).hash.replace('#token=', '');
      const first = await call('POST', `/api/clients/${northwindId}/users/${person.id}/reset-link`, {
        token: agent.accessToken,
      });
      const second = await call('POST', `/api/clients/${northwindId}/users/${person.id}/reset-link`, {
        token: admin.accessToken,
      });
      expect(second.status).toBe(201);
      const voided = await call('POST', '/api/auth/reset-password', {
        body: { token: tokenOf(first), password: 'from-old-link' },
        from: nextAddress(),
      });
      expect(voided.status).toBe(400);
      expect(voided.body.code).toBe('auth.reset_unknown');

      await queryDatabase(
        env.database.url,
        "UPDATE password_reset_tokens SET expires_at = now() - interval '1 minute' WHERE user_id = $1",
        [person.id],
      );
      const expired = await call('POST', '/api/auth/reset-password', {
        body: { token: tokenOf(second), password: 'from-expired-link' },
        from: nextAddress(),
      });
      expect(expired.status).toBe(400);
      expect(expired.body.code).toBe('auth.reset_expired');
      expect((await http.signIn(person.email, person.password)).user.id).toBe(person.id);
    });

    it('a user of another client, under this client, is not found', async () => {
      const ivan = await http.signIn(DEMO.otherClient);
      const cases: Array<[string, string, unknown]> = [
        ['PATCH', `/api/clients/${northwindId}/users/${ivan.user.id}`, { disabled: true }],
        ['POST', `/api/clients/${northwindId}/users/${ivan.user.id}/password`, { password: 'hijacked-pass' }],
        ['POST', `/api/clients/${northwindId}/users/${ivan.user.id}/reset-link`, undefined],
        ['PATCH', `/api/clients/${NO_SUCH_ID}/users/${ivan.user.id}`, { disabled: true }],
        ['PATCH', `/api/clients/${romashkaId}/users/${agent.user.id}`, { disabled: true }],
        ['POST', `/api/clients/${romashkaId}/users/${NO_SUCH_ID}/reset-link`, undefined],
      ];
      for (const [method, path, body] of cases) {
        const response = await call(method, path, { token: agent.accessToken, body });
        expect({ method, path, status: response.status }).toEqual({ method, path, status: 404 });
      }
      // Nothing happened to Ivan.
      expect((await call('GET', '/api/auth/me', { token: ivan.accessToken })).status).toBe(200);
    });

    it('rejects bad input with 400', async () => {
      const person = await newClientUser('input-checks');
      const base = `/api/clients/${northwindId}/users/${person.id}`;
      const cases: Array<[string, string, unknown]> = [
        ['PATCH', base, {}],
        ['PATCH', base, { disabled: 'yes' }],
        ['PATCH', base, { disabled: true, role: 'admin' }],
        ['PATCH', `/api/clients/${northwindId}/users/not-a-uuid`, { disabled: true }],
        ['PATCH', `/api/clients/not-a-uuid/users/${person.id}`, { disabled: true }],
        ['POST', `${base}/password`, {}],
        ['POST', `${base}/password`, { password: 'short' }],
        ['POST', `${base}/password`, { password: 12345678 }],
        ['POST', `/api/clients/${northwindId}/users/42/reset-link`, undefined],
      ];
      for (const [method, path, body] of cases) {
        const response = await call(method, path, { token: agent.accessToken, body });
        expect({ method, path, body, status: response.status }).toEqual({ method, path, body, status: 400 });
        expect(response.body.message.length).toBeGreaterThan(0);
      }
    });

    it('is for staff only', async () => {
      const person = await newClientUser('role-checks');
      const client = await http.signIn(DEMO.client);
      const base = `/api/clients/${northwindId}/users/${person.id}`;
      for (const [method, path, body] of [
        ['PATCH', base, { disabled: true }],
        ['POST', `${base}/password`, { password: 'long-enough' }],
        ['POST', `${base}/reset-link`, undefined],
      ] as const) {
        expect((await call(method, path, { token: client.accessToken, body })).status).toBe(403);
        expect((await call(method, path, { body })).status).toBe(401);
      }
      expect((await http.signIn(person.email, person.password)).user.id).toBe(person.id);
    });
  });

  describe('POST /api/auth/reset-password', () => {
    it('refuses unknown tokens and bad input with 400, and throttles by address', async () => {
      const cases: Array<[unknown, RegExp]> = [
        [{ token: 'made-up', password: 'long-enough' }, /not valid/],
        [{ token: '', password: 'long-enough' }, /token must not be empty/],
        [{ password: 'long-enough' }, /token/],
        [{ token: 'made-up', password: 'short' }, /password must be at least 8 characters/],
        [{ token: 'made-up', password: 'long-enough', email: 'x@example.org' }, /property email should not/],
      ];
      for (const [body, message] of cases) {
        const response = await call('POST', '/api/auth/reset-password', { body, from: nextAddress() });
        expect({ body, status: response.status }).toEqual({ body, status: 400 });
        expect(response.body.message).toMatch(message);
      }

      const statuses = [];
      for (let n = 0; n < 11; n++) {
        const response = await call('POST', '/api/auth/reset-password', {
          body: { token: `guess-${n}`, password: 'long-enough' },
          from: '198.22.0.1',
        });
        statuses.push(response.status);
        if (response.status === 429) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      }
      expect(statuses).toEqual([...Array(10).fill(400), 429]);
    });
  });

  describe('admins manage staff users', () => {
    let staffId: string;
    const staffEmail = 'managed@deskgram.example';

    beforeAll(async () => {
      const created = await call('POST', '/api/users', {
        token: admin.accessToken,
        body: { email: staffEmail, password: 'managed-pass-1', displayName: 'Managed Agent', role: 'agent' },
      });
      staffId = created.body.id;
    });

    it('disabling revokes the refresh tokens at once', async () => {
      const session = await http.signIn(staffEmail, 'managed-pass-1');
      const disabled = await call('PATCH', `/api/users/${staffId}`, {
        token: admin.accessToken,
        body: { disabled: true },
      });
      expect(disabled.status).toBe(200);
      const live = await queryDatabase(
        env.database.url,
        'SELECT count(*)::int AS n FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL',
        [staffId],
      );
      expect(live).toEqual([{ n: 0 }]);
      expect((await call('GET', '/api/auth/me', { token: session.accessToken })).status).toBe(401);
      const enabled = await call('PATCH', `/api/users/${staffId}`, {
        token: admin.accessToken,
        body: { disabled: false },
      });
      expect(enabled.body.disabled).toBe(false);
      // Enabling does not bring the ended sign-in back.
      expect((await refreshOf(session)).status).toBe(401);
      expect((await http.signIn(staffEmail, 'managed-pass-1')).user.id).toBe(staffId);
    });

    it('sets a new password, ending the sign-ins', async () => {
      const session = await http.signIn(staffEmail, 'managed-pass-1');
      const set = await call('POST', `/api/users/${staffId}/password`, {
        token: admin.accessToken,
        body: { password: 'managed-pass-2' },
      });
      expect(set.status).toBe(204);
      expect((await call('GET', '/api/auth/me', { token: session.accessToken })).status).toBe(401);
      expect((await http.signIn(staffEmail, 'managed-pass-2')).user.id).toBe(staffId);
    });

    it('creates a reset link that sets the password', async () => {
      const link = await call('POST', `/api/users/${staffId}/reset-link`, { token: admin.accessToken });
      expect(link.status).toBe(201);
      const token = new URL(link.body.url).hash.replace('#token=', '');
      const reset = await call('POST', '/api/auth/reset-password', { body: { token, password: 'managed-pass-3' } });
      expect(reset.status).toBe(204);
      expect((await http.signIn(staffEmail, 'managed-pass-3')).user.id).toBe(staffId);
    });

    it('answers agents 403, clients 403, a client user 404, and the admin themselves 409', async () => {
      const client = await http.signIn(DEMO.client);
      for (const [path, body] of [
        [`/api/users/${staffId}/password`, { password: 'long-enough' }],
        [`/api/users/${staffId}/reset-link`, undefined],
      ] as const) {
        expect((await call('POST', path, { token: agent.accessToken, body })).status).toBe(403);
        expect((await call('POST', path, { token: client.accessToken, body })).status).toBe(403);
        expect((await call('POST', path, { body })).status).toBe(401);
      }
      const clientUser = `/api/users/${client.user.id}`;
      expect(
        (await call('POST', `${clientUser}/password`, { token: admin.accessToken, body: { password: 'long-enough' } }))
          .status,
      ).toBe(404);
      expect((await call('POST', `${clientUser}/reset-link`, { token: admin.accessToken })).status).toBe(404);
      expect((await call('POST', `/api/users/${NO_SUCH_ID}/reset-link`, { token: admin.accessToken })).status).toBe(
        404,
      );
      expect((await call('POST', '/api/users/nope/reset-link', { token: admin.accessToken })).status).toBe(400);
      expect(
        (
          await call('POST', `/api/users/${staffId}/password`, {
            token: admin.accessToken,
            body: { password: 'short' },
          })
        ).status,
      ).toBe(400);

      const self = `/api/users/${admin.user.id}`;
      const selfPassword = await call('POST', `${self}/password`, {
        token: admin.accessToken,
        body: { password: 'long-enough' },
      });
      expect(selfPassword.status).toBe(409);
      expect(selfPassword.body.code).toBe('user.self_password');
      expect((await call('POST', `${self}/reset-link`, { token: admin.accessToken })).status).toBe(409);
      const selfDisable = await call('PATCH', self, { token: admin.accessToken, body: { disabled: true } });
      expect(selfDisable.status).toBe(409);
      expect(selfDisable.body.code).toBe('user.self_lockout');
      expect((await call('GET', '/api/auth/me', { token: admin.accessToken })).status).toBe(200);
    });
  });

  describe('the absolute lifetime of a sign-in', () => {
    const moveStartBack = (session: Session, days: number) =>
      queryDatabase(
        env.database.url,
        `UPDATE refresh_tokens SET session_started_at = now() - make_interval(days => $2)
          WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1)`,
        [createHash('sha256').update(session.refreshToken).digest(), days],
      );

    it(`ends ${SESSION_MAX_AGE_DAYS} days (SESSION_MAX_AGE_DAYS) after signing in, however often it is refreshed`, async () => {
      let session = await http.signIn(DEMO.clientColleague);
      await moveStartBack(session, SESSION_MAX_AGE_DAYS - 1);
      const refreshed = await refreshOf(session);
      expect(refreshed.status).toBe(200);
      session = refreshed.body;
      // The next token keeps the sign-in's start: refreshing does not extend it.
      const start = await queryDatabase<{ age: number }>(
        env.database.url,
        `SELECT extract(epoch FROM now() - session_started_at)::int AS age FROM refresh_tokens WHERE token_hash = $1`,
        [createHash('sha256').update(session.refreshToken).digest()],
      );
      expect(start[0].age).toBeGreaterThanOrEqual((SESSION_MAX_AGE_DAYS - 1) * 86400 - 60);

      await moveStartBack(session, SESSION_MAX_AGE_DAYS);
      const expired = await refreshOf(session);
      expect(expired.status).toBe(401);
      expect(expired.body.code).toBe('auth.session_expired');
      // The access token of that sign-in stops as well.
      expect((await call('GET', '/api/auth/me', { token: session.accessToken })).status).toBe(401);
      // A new sign-in starts a new lifetime.
      const fresh = await http.signIn(DEMO.clientColleague);
      expect((await call('GET', '/api/auth/me', { token: fresh.accessToken })).status).toBe(200);
    });
  });

  it('never answers with a reset token hash, a password hash or a refresh token hash', async () => {
    const secrets = await queryDatabase<{ value: string }>(
      env.database.url,
      `SELECT encode(token_hash, 'hex') AS value FROM password_reset_tokens
       UNION ALL SELECT encode(token_hash, 'base64') FROM password_reset_tokens
       UNION ALL SELECT translate(rtrim(encode(token_hash, 'base64'), '='), '+/', '-_') FROM password_reset_tokens
       UNION ALL SELECT password_hash FROM users
       UNION ALL SELECT encode(token_hash, 'hex') FROM refresh_tokens`,
    );
    expect(secrets.length).toBeGreaterThan(10);
    expect(bodies.length).toBeGreaterThan(100);
    for (const body of bodies) {
      expect(body).not.toMatch(/argon2|passwordHash|password_hash|tokenHash|token_hash/i);
      for (const { value } of secrets) expect(body).not.toContain(value);
    }
  });
});
