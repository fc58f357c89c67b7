import { queryDatabase, useTestEnvironment } from '@deskgram/testing/harness';
import { DEMO, DEMO_PASSWORD, type Session, TestClient } from './support/api-client';

/** Sign-in, tokens and who may do what: the Auth and Clients modules over HTTP, on a database with demo data. */
describe('accounts and access', () => {
  const env = useTestEnvironment({
    api: {
      DEMO_DATA: 'true',
      ADMIN_EMAIL: 'root@deskgram.example',
      ADMIN_PASSWORD: 'bootstrap-password',
      TRUST_PROXY: 'loopback',
    },
  });
  let http: TestClient;

  beforeAll(async () => {
    http = new TestClient(env.baseUrl);
  });

  describe('POST /api/auth/login', () => {
    it('signs in a demo client and answers the documented user', async () => {
      const response = await http.post('/api/auth/login', { email: DEMO.client, password: DEMO_PASSWORD });
      expect(response.status).toBe(200);
      expect(Object.keys(response.body).sort()).toEqual(['accessToken', 'refreshToken', 'user']);
      expect(response.body.user).toEqual({
        id: expect.any(String),
        email: DEMO.client,
        displayName: 'Anna Hughes',
        role: 'client',
        clientId: expect.any(String),
      });
      const me = await http.get('/api/auth/me', response.body.accessToken);
      expect(me.status).toBe(200);
      expect(me.body).toEqual(response.body.user);
    });

    it('treats the e-mail without regard to case', async () => {
      const response = await http.post('/api/auth/login', { email: 'Agent@DeskGram.Example', password: DEMO_PASSWORD });
      expect(response.status).toBe(200);
      expect(response.body.user.role).toBe('agent');
    });

    it('creates the administrator named by ADMIN_EMAIL at start', async () => {
      const session = await http.signIn('root@deskgram.example', 'bootstrap-password');
      expect(session.user.role).toBe('admin');
    });

    it('gives a wrong password and an unknown e-mail the same 401', async () => {
      const wrongPassword = await http.post('/api/auth/login', { email: DEMO.agent, password: 'not the password' });
      const unknownEmail = await http.post('/api/auth/login', { email: 'nobody@deskgram.example', password: 'x' });
      expect(wrongPassword.status).toBe(401);
      expect(unknownEmail.status).toBe(401);
      expect(wrongPassword.body).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'Wrong e-mail or password',
        code: 'auth.wrong_credentials',
      });
      expect(unknownEmail.body).toEqual(wrongPassword.body);
    });

    it('rejects malformed input with 400 and says what is wrong', async () => {
      const cases: Array<[unknown, RegExp]> = [
        [{}, /email must be an e-mail address/],
        [{ email: 'not-an-email', password: 'x' }, /email must be an e-mail address/],
        [{ email: DEMO.agent, password: '' }, /password must not be empty/],
        [{ email: DEMO.agent, password: 42 }, /password must be a string/],
        [{ email: DEMO.agent, password: 'x', remember: true }, /property remember should not exist/],
        [{ email: DEMO.agent, password: 'x'.repeat(201) }, /password must be shorter than or equal to 200/],
      ];
      for (const [body, message] of cases) {
        const response = await http.post('/api/auth/login', body);
        expect({ body, status: response.status }).toEqual({ body, status: 400 });
        expect(response.body.message).toMatch(message);
      }
    });

    const attempt = (email: string, password: string, from: string) =>
      http.request('POST', '/api/auth/login', { body: { email, password }, from });

    it('answers 429 after 10 failures in a minute for one e-mail, even with the right password', async () => {
      const email = DEMO.clientColleague;
      for (let n = 1; n <= 10; n++) {
        // From ten different addresses: the e-mail alone is what trips the limit.
        expect((await attempt(email, `wrong ${n}`, `198.51.100.${n}`)).status).toBe(401);
      }
      const blocked = await attempt(email, DEMO_PASSWORD, '198.51.100.99');
      expect(blocked.status).toBe(429);
      expect(blocked.body.message).toMatch(/Too many failed sign-in attempts/);
      const retryAfter = Number(blocked.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      // Other people are not locked out by it.
      expect((await http.post('/api/auth/login', { email: DEMO.agent, password: DEMO_PASSWORD })).status).toBe(200);
    });

    it('stores passwords as argon2id hashes', async () => {
      const rows = await queryDatabase<{ password_hash: string }>(
        env.database.url,
        'SELECT password_hash FROM users WHERE email = $1',
        [DEMO.admin],
      );
      expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
      expect(rows[0].password_hash).not.toContain(DEMO_PASSWORD);
    });
  });

  describe('refresh tokens', () => {
    it('rotate on every use, are stored hashed, and a reused one ends the whole sign-in', async () => {
      const first = await http.signIn(DEMO.agent);
      const stored = await queryDatabase(
        env.database.url,
        "SELECT encode(token_hash, 'hex') AS hash FROM refresh_tokens",
      );
      expect(stored.map((row) => row['hash'])).not.toContain(first.refreshToken);

      const second = await http.post('/api/auth/refresh', { refreshToken: first.refreshToken });
      expect(second.status).toBe(200);
      expect(second.body.refreshToken).not.toBe(first.refreshToken);
      expect((await http.get('/api/auth/me', second.body.accessToken)).status).toBe(200);

      // The spent token again: someone copied it. Both it and the pair it was exchanged for stop working.
      const replay = await http.post('/api/auth/refresh', { refreshToken: first.refreshToken });
      expect(replay.status).toBe(401);
      expect(replay.body.message).toMatch(/already used/);
      const afterReplay = await http.post('/api/auth/refresh', { refreshToken: second.body.refreshToken });
      expect(afterReplay.status).toBe(401);
    });

    it('rejects an unknown token with 401 and an empty one with 400', async () => {
      expect((await http.post('/api/auth/refresh', { refreshToken: 'made-up' })).status).toBe(401);
      expect((await http.post('/api/auth/refresh', { refreshToken: '' })).status).toBe(400);
      expect((await http.post('/api/auth/refresh', {})).status).toBe(400);
    });

    it('end with logout', async () => {
      const session = await http.signIn(DEMO.admin);
      const logout = await http.post('/api/auth/logout', { refreshToken: session.refreshToken }, session.accessToken);
      expect(logout.status).toBe(204);
      expect((await http.post('/api/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
    });
  });

  describe('disabled users', () => {
    it('cannot sign in, refresh, or use an access token they still hold', async () => {
      const admin = await http.signIn(DEMO.admin);
      const created = await http.post(
        '/api/users',
        { email: 'temp@deskgram.example', password: 'temporary-pass', displayName: 'Temp Agent', role: 'agent' },
        admin.accessToken,
      );
      expect(created.status).toBe(201);
      const temp = await http.signIn('temp@deskgram.example', 'temporary-pass');

      const disabled = await http.patch(`/api/users/${created.body.id}`, { disabled: true }, admin.accessToken);
      expect(disabled.status).toBe(200);
      expect(disabled.body.disabled).toBe(true);

      expect((await http.get('/api/auth/me', temp.accessToken)).status).toBe(401);
      expect((await http.post('/api/auth/refresh', { refreshToken: temp.refreshToken })).status).toBe(401);
      const signIn = await http.post('/api/auth/login', { email: 'temp@deskgram.example', password: 'temporary-pass' });
      expect(signIn.status).toBe(401);
      expect(signIn.body.message).toMatch(/disabled/);
    });

    it('an admin cannot disable themselves', async () => {
      const admin = await http.signIn(DEMO.admin);
      const response = await http.patch(`/api/users/${admin.user.id}`, { disabled: true }, admin.accessToken);
      expect(response.status).toBe(409);
    });
  });

  describe('clients', () => {
    it('creating a client also creates its first portal user, who can sign in', async () => {
      const agent = await http.signIn(DEMO.agent);
      const created = await http.post(
        '/api/clients',
        {
          name: 'Fabrikam',
          contactName: 'Olivia Park',
          email: 'ops@fabrikam.example',
          password: 'fabrikam-pass',
          company: 'Fabrikam Inc.',
        },
        agent.accessToken,
      );
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ name: 'Fabrikam', email: 'ops@fabrikam.example', userCount: 1 });
      expect(created.body.users).toEqual([
        expect.objectContaining({
          email: 'ops@fabrikam.example',
          displayName: 'Olivia Park',
          role: 'client',
          clientId: created.body.id,
        }),
      ]);
      const session = await http.signIn('ops@fabrikam.example', 'fabrikam-pass');
      expect(session.user.clientId).toBe(created.body.id);
    });

    it('writes nothing when the first user cannot be created (e-mail taken)', async () => {
      const agent = await http.signIn(DEMO.agent);
      const before = await queryDatabase(env.database.url, 'SELECT count(*)::int AS n FROM clients');
      const response = await http.post(
        '/api/clients',
        { name: 'Duplicate', email: DEMO.client.toUpperCase(), password: 'duplicate-pass' },
        agent.accessToken,
      );
      expect(response.status).toBe(409);
      expect(response.body.message).toMatch(/already exists/);
      const after = await queryDatabase(env.database.url, 'SELECT count(*)::int AS n FROM clients');
      expect(after).toEqual(before);
    });

    it('lists with search, paging and a total', async () => {
      const agent = await http.signIn(DEMO.agent);
      const all = await http.get('/api/clients?pageSize=2', agent.accessToken);
      expect(all.status).toBe(200);
      expect(all.body.items).toHaveLength(2);
      expect(all.body.total).toBeGreaterThanOrEqual(3);
      const page2 = await http.get('/api/clients?pageSize=2&page=2', agent.accessToken);
      expect(page2.body.items.map((c: { id: string }) => c.id)).not.toContain(all.body.items[0].id);
      const search = await http.get('/api/clients?search=NORTH', agent.accessToken);
      expect(search.body.items.map((c: { name: string }) => c.name)).toEqual(['Northwind Trading']);
      expect(search.body.total).toBe(1);
      const wildcard = await http.get('/api/clients?search=%25', agent.accessToken);
      expect(wildcard.body.total).toBe(0);
    });

    it('updates contacts and adds users', async () => {
      const agent = await http.signIn(DEMO.agent);
      const list = await http.get('/api/clients?search=Contoso', agent.accessToken);
      const id = list.body.items[0].id;
      const updated = await http.patch(`/api/clients/${id}`, { phone: '+1 555 0100', company: '' }, agent.accessToken);
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ phone: '+1 555 0100', company: null, name: 'Contoso Clinic' });
      const added = await http.post(
        `/api/clients/${id}/users`,
        { email: 'reception@contoso.example', password: 'reception-pass', displayName: 'Reception' },
        agent.accessToken,
      );
      expect(added.status).toBe(201);
      expect(added.body.users.map((u: { email: string }) => u.email)).toContain('reception@contoso.example');
      expect((await http.signIn('reception@contoso.example', 'reception-pass')).user.clientId).toBe(id);
    });

    it('rejects bad input on every client route with a 4xx and a message', async () => {
      const agent = await http.signIn(DEMO.agent);
      const id = (await http.get('/api/clients?search=North', agent.accessToken)).body.items[0].id;
      const cases: Array<[string, string, unknown, number]> = [
        ['POST', '/api/clients', {}, 400],
        ['POST', '/api/clients', { name: '', email: 'a@b.example', password: 'long-enough' }, 400],
        ['POST', '/api/clients', { name: 'x'.repeat(201), email: 'a@b.example', password: 'long-enough' }, 400],
        ['POST', '/api/clients', { name: 'A', email: 'a@b.example', password: 'short' }, 400],
        ['POST', '/api/clients', { name: 'A', email: 'a@b.example', password: 'long-enough', phone: 'call me' }, 400],
        ['POST', '/api/clients', { name: 'A', email: 'a@b.example', password: 'long-enough', vip: true }, 400],
        ['POST', '/api/clients', { name: 7, email: 'a@b.example', password: 'long-enough' }, 400],
        ['PATCH', `/api/clients/${id}`, { name: '' }, 400],
        ['PATCH', '/api/clients/not-a-uuid', { name: 'A' }, 400],
        ['PATCH', '/api/clients/00000000-0000-4000-8000-000000000000', { name: 'A' }, 404],
        ['GET', '/api/clients/00000000-0000-4000-8000-000000000000', undefined, 404],
        ['GET', '/api/clients/123', undefined, 400],
        ['GET', '/api/clients?page=0', undefined, 400],
        ['GET', '/api/clients?pageSize=101', undefined, 400],
        ['GET', '/api/clients?pageSize=abc', undefined, 400],
        ['GET', '/api/clients?page=-5', undefined, 400],
        ['POST', `/api/clients/${id}/users`, { email: DEMO.admin, password: 'long-enough', displayName: 'X' }, 409],
        ['POST', `/api/clients/${id}/users`, { email: 'n@b.example', password: 'long-enough' }, 400],
      ];
      for (const [method, path, body, status] of cases) {
        const response = await http.request(method, path, { token: agent.accessToken, body });
        expect({ method, path, body, status: response.status }).toEqual({ method, path, body, status });
        expect(typeof response.body.message).toBe('string');
        expect(response.body.message.length).toBeGreaterThan(0);
      }
    });
  });

  describe('the access matrix', () => {
    type Who = 'anonymous' | 'client' | 'otherClient' | 'agent' | 'admin';
    const sessions: Partial<Record<Who, Session>> = {};
    let northwindId: string;
    let agentId: string;

    beforeAll(async () => {
      sessions.client = await http.signIn(DEMO.client);
      sessions.otherClient = await http.signIn(DEMO.otherClient);
      sessions.agent = await http.signIn(DEMO.agent);
      sessions.admin = await http.signIn(DEMO.admin);
      northwindId = sessions.client.user.clientId as string;
      agentId = sessions.agent.user.id;
    });

    const unique = () => `${Date.now()}${Math.round(Math.random() * 1e6)}`;
    const routes: Array<{
      name: string;
      call: (token?: string) => Promise<{ status: number }>;
      expected: Record<Who, number>;
    }> = [
      {
        name: 'GET /api/auth/me',
        call: (token) => http.get('/api/auth/me', token),
        expected: { anonymous: 401, client: 200, otherClient: 200, agent: 200, admin: 200 },
      },
      {
        name: 'POST /api/auth/logout (someone else’s token does nothing)',
        call: (token) => http.post('/api/auth/logout', { refreshToken: 'not-mine' }, token),
        expected: { anonymous: 401, client: 204, otherClient: 204, agent: 204, admin: 204 },
      },
      {
        name: 'POST /api/users',
        call: (token) =>
          http.post(
            '/api/users',
            { email: `staff${unique()}@deskgram.example`, password: 'long-enough', displayName: 'New', role: 'agent' },
            token,
          ),
        expected: { anonymous: 401, client: 403, otherClient: 403, agent: 403, admin: 201 },
      },
      {
        name: 'GET /api/users',
        call: (token) => http.get('/api/users', token),
        expected: { anonymous: 401, client: 403, otherClient: 403, agent: 200, admin: 200 },
      },
      {
        name: 'PATCH /api/users/:id',
        call: (token) => http.patch(`/api/users/${agentId}`, { displayName: 'Sam Rivera' }, token),
        expected: { anonymous: 401, client: 403, otherClient: 403, agent: 403, admin: 200 },
      },
      {
        name: 'POST /api/clients',
        call: (token) =>
          http.post(
            '/api/clients',
            { name: 'Acme', email: `acme${unique()}@acme.example`, password: 'long-enough' },
            token,
          ),
        expected: { anonymous: 401, client: 403, otherClient: 403, agent: 201, admin: 201 },
      },
      {
        name: 'GET /api/clients',
        call: (token) => http.get('/api/clients', token),
        expected: { anonymous: 401, client: 403, otherClient: 403, agent: 200, admin: 200 },
      },
      {
        name: 'GET /api/clients/:id',
        call: (token) => http.get(`/api/clients/${northwindId}`, token),
        expected: { anonymous: 401, client: 403, otherClient: 403, agent: 200, admin: 200 },
      },
      {
        name: 'PATCH /api/clients/:id',
        call: (token) => http.patch(`/api/clients/${northwindId}`, { name: 'Northwind Trading' }, token),
        expected: { anonymous: 401, client: 403, otherClient: 403, agent: 200, admin: 200 },
      },
      {
        name: 'POST /api/clients/:id/users',
        call: (token) =>
          http.post(
            `/api/clients/${northwindId}/users`,
            { email: `u${unique()}@northwind.example`, password: 'long-enough', displayName: 'U' },
            token,
          ),
        expected: { anonymous: 401, client: 403, otherClient: 403, agent: 201, admin: 201 },
      },
    ];

    for (const route of routes) {
      it(`${route.name} answers ${JSON.stringify(route.expected)}`, async () => {
        const actual: Record<string, number> = {};
        for (const who of Object.keys(route.expected) as Who[]) {
          actual[who] = (await route.call(sessions[who]?.accessToken)).status;
        }
        expect(actual).toEqual(route.expected);
      });
    }

    it('public routes need no token', async () => {
      expect((await http.get('/api/health')).status).toBe(200);
      expect((await http.post('/api/auth/login', { email: DEMO.agent, password: DEMO_PASSWORD })).status).toBe(200);
    });

    it('rejects forged and expired-looking tokens', async () => {
      const [header, payload] = (sessions.agent as Session).accessToken.split('.');
      const forgedPayload = Buffer.from(
        JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'admin' }),
      ).toString('base64url');
      expect((await http.get('/api/users', `${header}.${forgedPayload}.bad-signature`)).status).toBe(401);
      expect((await http.get('/api/auth/me', 'garbage')).status).toBe(401);
    });
  });

  describe('what responses never carry', () => {
    it('no password hash, refresh token hash, or another client’s data', async () => {
      const admin = await http.signIn(DEMO.admin);
      const client = await http.signIn(DEMO.client);
      const bodies: string[] = [];
      for (const [path, token] of [
        ['/api/auth/me', client.accessToken],
        ['/api/users', admin.accessToken],
        ['/api/clients', admin.accessToken],
        [`/api/clients/${client.user.clientId}`, admin.accessToken],
      ] as const) {
        bodies.push((await http.get(path, token)).text);
      }
      bodies.push(JSON.stringify(await http.signIn(DEMO.agent)));
      const secrets = await queryDatabase<{ value: string }>(
        env.database.url,
        `SELECT password_hash AS value FROM users UNION ALL SELECT encode(token_hash, 'hex') FROM refresh_tokens
         UNION ALL SELECT encode(token_hash, 'base64') FROM refresh_tokens`,
      );
      for (const body of bodies) {
        expect(body).not.toMatch(/argon2|passwordHash|password_hash|tokenHash/i);
        for (const { value } of secrets) expect(body).not.toContain(value);
      }
      const me = await http.get('/api/auth/me', client.accessToken);
      expect(me.body.clientId).toBe(client.user.clientId);
      expect(me.text).not.toContain('Ромашка');
    });
  });
});
