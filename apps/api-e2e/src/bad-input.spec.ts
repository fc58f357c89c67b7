import { queryDatabase, useTestEnvironment } from '@deskgram/testing/harness';
import { type Session, TestClient } from './support/api-client';

const ADMIN = { email: 'root@deskgram.example', password: 'bootstrap-password' };
const CLIENT = { email: 'owner@fabrikam.example', password: 'fabrikam-pass' };
const NUL = 'a\u0000b';
const UNKNOWN_ID = '0b5b0c2e-5d7e-4c1a-9d43-7a6f1d0a6b11';

/** One route with input that passes validation; every string in it is then replaced by one holding a NUL. */
interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  path: string;
  /** Route parameters, by name: each is sent once as a NUL. */
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: Record<string, unknown>;
  as: 'admin' | 'client' | 'nobody';
}

/**
 * Bad input is a 400 with a message, never a 500 (docs/api.md), and changes nothing. PostgreSQL refuses NUL in text and
 * numbers beyond `bigint`, so both must be stopped before a query: a NUL in any text, query value or route parameter
 * of any route, and invoice amounts too large to store.
 */
describe('bad input', () => {
  const env = useTestEnvironment({
    api: {
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      OVERDUE_SWEEP_SECONDS: '86400',
    },
  });
  let http: TestClient;
  const sessions: Record<'admin' | 'client', Session> = {} as never;
  const ids: Record<'admin' | 'client' | 'ticket' | 'invoice' | 'clientUser', string> = {} as never;

  /** Every table's rows, as one text per table, to prove that bad input wrote nothing anywhere. */
  async function snapshot(): Promise<Record<string, string>> {
    const tables = await queryDatabase<{ name: string }>(
      env.database.url,
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    const result: Record<string, string> = {};
    for (const { name } of tables) {
      const [row] = await queryDatabase<{ rows: string | null }>(
        env.database.url,
        `SELECT string_agg(t::text, '|' ORDER BY t::text) AS rows FROM "${name}" t`,
      );
      result[name] = row.rows ?? '';
    }
    return result;
  }

  beforeAll(async () => {
    // No demo data and no bot: nothing changes the database unless a request does.
    http = new TestClient(env.baseUrl);
    sessions.admin = await http.signIn(ADMIN.email, ADMIN.password);
    const client = await http.post(
      '/api/clients',
      { name: 'Fabrikam', email: CLIENT.email, password: CLIENT.password },
      sessions.admin.accessToken,
    );
    expect(client.status).toBe(201);
    sessions.client = await http.signIn(CLIENT.email, CLIENT.password);
    const ticket = await http.post(
      '/api/tickets',
      { subject: 'Printer', body: 'It jams' },
      sessions.client.accessToken,
    );
    expect(ticket.status).toBe(201);
    const invoice = await http.post(
      '/api/invoices',
      {
        clientId: client.body.id,
        currency: 'EUR',
        dueDate: '2030-01-31',
        items: [{ description: 'Support', quantity: '1', unitPrice: '10.00' }],
      },
      sessions.admin.accessToken,
    );
    expect(invoice.status).toBe(201);
    Object.assign(ids, {
      admin: sessions.admin.user.id,
      client: client.body.id,
      clientUser: sessions.client.user.id,
      ticket: ticket.body.id,
      invoice: invoice.body.id,
    });
  });

  function routes(): Route[] {
    const item = { description: 'Support hours', quantity: '2', unitPrice: '40.50' };
    return [
      { method: 'POST', path: '/api/auth/login', body: { email: ADMIN.email, password: 'a password' }, as: 'nobody' },
      { method: 'POST', path: '/api/auth/refresh', body: { refreshToken: sessions.admin.refreshToken }, as: 'nobody' },
      { method: 'POST', path: '/api/auth/telegram', body: { initData: 'auth_date=1&hash=00' }, as: 'nobody' },
      { method: 'POST', path: '/api/auth/logout', body: { refreshToken: sessions.admin.refreshToken }, as: 'admin' },
      {
        method: 'POST',
        path: '/api/users',
        body: { email: 'new@deskgram.example', password: 'long-enough', displayName: 'New', role: 'agent' },
        as: 'admin',
      },
      { method: 'GET', path: '/api/users', query: { search: 'root', page: '1', pageSize: '10' }, as: 'admin' },
      {
        method: 'PATCH',
        path: '/api/users/:id',
        params: { id: ids.admin },
        body: { displayName: 'Root', role: 'admin' },
        as: 'admin',
      },
      {
        method: 'POST',
        path: '/api/clients',
        body: {
          name: 'Contoso',
          email: 'desk@contoso.example',
          password: 'long-enough',
          contactName: 'Lee',
          phone: '+1 555 0100',
          company: 'Contoso Ltd',
        },
        as: 'admin',
      },
      { method: 'GET', path: '/api/clients', query: { search: 'fab', page: '1' }, as: 'admin' },
      { method: 'GET', path: '/api/clients/:id', params: { id: ids.client }, as: 'admin' },
      {
        method: 'PATCH',
        path: '/api/clients/:id',
        params: { id: ids.client },
        body: { name: 'Fabrikam Inc', email: 'owner2@fabrikam.example', phone: '+1 555 0101', company: 'Fabrikam' },
        as: 'admin',
      },
      {
        method: 'POST',
        path: '/api/clients/:id/users',
        params: { id: ids.client },
        body: { email: 'second@fabrikam.example', password: 'long-enough', displayName: 'Second' },
        as: 'admin',
      },
      {
        method: 'POST',
        path: '/api/tickets',
        body: { subject: 'Scanner', body: 'Broken', priority: 'high', clientId: ids.client },
        as: 'admin',
      },
      { method: 'POST', path: '/api/tickets', body: { subject: 'Scanner', body: 'Broken' }, as: 'client' },
      ...['/api/tickets', '/api/tickets/counts'].map(
        (path): Route => ({
          method: 'GET',
          path,
          query: {
            status: 'open',
            priority: 'normal',
            assigneeId: ids.admin,
            clientId: ids.client,
            search: 'printer',
            page: '1',
            pageSize: '25',
          },
          as: 'admin',
        }),
      ),
      { method: 'GET', path: '/api/tickets/:id', params: { id: ids.ticket }, as: 'client' },
      {
        method: 'POST',
        path: '/api/tickets/:id/messages',
        params: { id: ids.ticket },
        body: { body: 'Any news?', internal: false },
        as: 'admin',
      },
      {
        method: 'PATCH',
        path: '/api/tickets/:id',
        params: { id: ids.ticket },
        body: { status: 'in_progress', priority: 'high', assigneeId: ids.admin },
        as: 'admin',
      },
      {
        method: 'POST',
        path: '/api/invoices',
        body: { clientId: ids.client, currency: 'EUR', dueDate: '2030-02-28', items: [item, item] },
        as: 'admin',
      },
      { method: 'GET', path: '/api/invoices', query: { status: 'draft', clientId: ids.client }, as: 'admin' },
      { method: 'GET', path: '/api/invoices/:id', params: { id: ids.invoice }, as: 'admin' },
      {
        method: 'PATCH',
        path: '/api/invoices/:id',
        params: { id: ids.invoice },
        body: { currency: 'USD', dueDate: '2030-03-31', items: [item] },
        as: 'admin',
      },
      ...['issue', 'pay', 'void'].map(
        (action): Route => ({
          method: 'POST',
          path: `/api/invoices/:id/${action}`,
          params: { id: ids.invoice },
          as: 'admin',
        }),
      ),
      {
        method: 'PUT',
        path: '/api/notifications/preferences',
        body: { items: [{ kind: 'ticket_created', enabled: false }] },
        as: 'admin',
      },
      {
        method: 'GET',
        path: '/api/notifications/deliveries',
        query: { status: 'failed', kind: 'ticket_created', recipientId: ids.admin },
        as: 'admin',
      },
      {
        method: 'POST',
        path: '/api/notifications/deliveries/:id/retry',
        params: { id: UNKNOWN_ID },
        as: 'admin',
      },
      {
        method: 'POST',
        path: '/api/telegram/client/:clientId/send-message',
        params: { clientId: ids.client },
        body: { message: 'Hello' },
        as: 'admin',
      },
    ];
  }

  /** Every string of the body, by its path (`items[1].description`), with a setter for a changed copy. */
  function stringFields(value: unknown, path = ''): string[] {
    if (typeof value === 'string') return [path];
    if (Array.isArray(value)) return value.flatMap((item, index) => stringFields(item, `${path}[${index}]`));
    if (typeof value === 'object' && value !== null) {
      return Object.entries(value).flatMap(([key, item]) => stringFields(item, path ? `${path}.${key}` : key));
    }
    return [];
  }

  function withField(body: unknown, path: string, replacement: string): unknown {
    const copy = structuredClone(body) as Record<string, unknown>;
    const keys = path.split(/\.|\[(\d+)\]/).filter((key) => key !== undefined && key !== '');
    let target: Record<string, unknown> = copy;
    for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
    target[keys[keys.length - 1]] = replacement;
    return copy;
  }

  function url(route: Route, params: Record<string, string>, query: Record<string, string> | undefined): string {
    const path = route.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name]));
    return query ? `${path}?${new URLSearchParams(query).toString()}` : path;
  }

  /** The cases of one route: each body string, each query value and each route parameter with a NUL in it. */
  function cases(route: Route): Array<{ field: string; path: string; body?: unknown }> {
    const params = route.params ?? {};
    const result = stringFields(route.body).map((field) => ({
      field,
      path: url(route, params, route.query),
      body: withField(route.body, field, NUL),
    }));
    for (const name of Object.keys(route.query ?? {})) {
      result.push({ field: name, path: url(route, params, { ...route.query, [name]: NUL }), body: route.body });
    }
    for (const name of Object.keys(params)) {
      result.push({ field: name, path: url(route, { ...params, [name]: NUL }, route.query), body: route.body });
    }
    return result;
  }

  it('answers a NUL in any text, query value or route parameter of any route with a 400 naming it, and writes nothing', async () => {
    const before = await snapshot();
    const answers: string[] = [];
    let count = 0;
    for (const route of routes()) {
      const token = route.as === 'nobody' ? undefined : sessions[route.as].accessToken;
      const all = cases(route);
      expect(all.length).toBeGreaterThan(0);
      for (const { field, path, body } of all) {
        const response = await http.request(route.method, path, { token, body });
        count++;
        answers.push(`${route.method} ${path} [${field}] -> ${response.status} ${response.body?.message}`);
        expect({ route: `${route.method} ${route.path}`, field, status: response.status }).toEqual({
          route: `${route.method} ${route.path}`,
          field,
          status: 400,
        });
        expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
        expect(response.body.message).toContain(`${field} must not contain NUL characters`);
      }
    }
    expect(count).toBeGreaterThan(80);
    expect(await snapshot()).toEqual(before);
    // The same requests without the NUL are accepted: the 400s above come from the NUL, not from other mistakes.
    const accepted = await http.request('GET', '/api/clients?search=fab', { token: sessions.admin.accessToken });
    expect(accepted.status).toBe(200);
  });

  it('names a NUL in a key of the body and refuses it', async () => {
    const response = await http.post(
      '/api/tickets',
      { subject: 'S', body: 'B', 'x\u0000': 1 },
      sessions.client.accessToken,
    );
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('x\\u0000 must not contain NUL characters');
  });

  describe('invoice amounts beyond what PostgreSQL bigint holds', () => {
    const huge = '999999999999999.99';
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      [
        'quantity × unit price',
        { currency: 'EUR', items: [{ description: 'x', quantity: '999999999', unitPrice: huge }] },
        /items\[0\]: quantity × unitPrice is more than the largest amount, 92233720368547758\.07 EUR/,
      ],
      [
        'the second line of several',
        {
          currency: 'EUR',
          items: [
            { description: 'x', quantity: '1', unitPrice: '1.00' },
            { description: 'y', quantity: 100, unitPrice: huge },
          ],
        },
        /items\[1\]: quantity × unitPrice is more than the largest amount/,
      ],
      [
        'the invoice total, each line fitting',
        {
          currency: 'EUR',
          items: [
            { description: 'x', quantity: '60', unitPrice: huge },
            { description: 'y', quantity: '60', unitPrice: huge },
          ],
        },
        /The invoice total is more than the largest amount, 92233720368547758\.07 EUR/,
      ],
    ];

    it.each(cases)('refuses %s with a 400 on create and edit, and stores nothing', async (_name, input, message) => {
      const before = await snapshot();
      const created = await http.post(
        '/api/invoices',
        { clientId: ids.client, dueDate: '2030-01-31', ...input },
        sessions.admin.accessToken,
      );
      expect(created.status).toBe(400);
      expect(created.body.message).toMatch(message);
      const edited = await http.patch(`/api/invoices/${ids.invoice}`, input, sessions.admin.accessToken);
      expect(edited.status).toBe(400);
      expect(edited.body.message).toMatch(message);
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a change of currency that would make a stored line too large', async () => {
      const draft = await http.post(
        '/api/invoices',
        {
          clientId: ids.client,
          currency: 'EUR',
          dueDate: '2030-01-31',
          items: [{ description: 'x', quantity: '10', unitPrice: huge }],
        },
        sessions.admin.accessToken,
      );
      expect(draft.status).toBe(201);
      expect(draft.body.total).toBe('9999999999999999.90');
      const before = await snapshot();
      // The same prices in Bahraini dinars have three decimals: ten times as many minor units, beyond bigint.
      const changed = await http.patch(
        `/api/invoices/${draft.body.id}`,
        { currency: 'BHD' },
        sessions.admin.accessToken,
      );
      expect(changed.status).toBe(400);
      expect(changed.body.message).toMatch(
        /items\[0\]: quantity × unitPrice is more than the largest amount, 9223372036854775\.807 BHD/,
      );
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('invoice quantity', () => {
    async function create(quantity: unknown) {
      return http.post(
        '/api/invoices',
        {
          clientId: ids.client,
          currency: 'EUR',
          dueDate: '2030-01-31',
          items: [{ description: 'Hours', quantity, unitPrice: '40.50' }],
        },
        sessions.admin.accessToken,
      );
    }

    it.each([
      [3, '3', '121.50'],
      [2.5, '2.5', '101.25'],
      [0.125, '0.125', '5.06'],
      [999999999.999, '999999999.999', '40499999999.96'],
      ['3', '3', '121.50'],
      ['2.5', '2.5', '101.25'],
    ])('takes %j and stores the quantity %s (amount %s)', async (quantity, stored, amount) => {
      const response = await create(quantity);
      expect(response.status).toBe(201);
      expect(response.body.items[0]).toMatchObject({ quantity: stored, amount });
      const [row] = await queryDatabase<{ quantity_thousandths: string }>(
        env.database.url,
        'SELECT quantity_thousandths FROM invoice_items WHERE invoice_id = $1',
        [response.body.id],
      );
      expect(row.quantity_thousandths).toBe(String(Math.round(Number(stored) * 1000)));
    });

    it.each([
      [-1],
      [1.2345],
      [0.1 + 0.2],
      [1e21],
      [1e-7],
      ['NaN'],
      ['-1'],
      ['1.2345'],
      ['1e3'],
      [''],
      [null],
      [true],
      [[1]],
    ])('refuses %j with a 400 that says what a quantity is', async (quantity) => {
      const before = await snapshot();
      const response = await create(quantity);
      expect(response.status).toBe(400);
      expect(response.body.message).toContain('quantity must be a number or a decimal string');
      expect(await snapshot()).toEqual(before);
    });

    it('takes a number when a draft is edited too', async () => {
      const response = await http.patch(
        `/api/invoices/${ids.invoice}`,
        { items: [{ description: 'Hours', quantity: 1.5, unitPrice: '10.00' }] },
        sessions.admin.accessToken,
      );
      expect(response.status).toBe(200);
      expect(response.body.items[0]).toMatchObject({ quantity: '1.5', amount: '15.00' });
      expect(response.body.total).toBe('15.00');
    });
  });
});
