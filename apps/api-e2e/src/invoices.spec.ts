import { eventually, queryDatabase, useTestEnvironment } from '@deskgram/testing/harness';
import { DEMO, type Session, TestClient } from './support/api-client';

/** Invoices over HTTP: money in minor units, the status rules, what clients see, and the overdue sweep. */
describe('invoices', () => {
  const env = useTestEnvironment({ api: { DEMO_DATA: 'true', OVERDUE_SWEEP_SECONDS: '1' } });
  let http: TestClient;
  let client: Session;
  let otherClient: Session;
  let agent: Session;

  beforeAll(async () => {
    http = new TestClient(env.baseUrl);
    [client, otherClient, agent] = await Promise.all(
      [DEMO.client, DEMO.otherClient, DEMO.agent].map((email) => http.signIn(email)),
    );
  });

  const nextMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

  async function draft(
    items = [{ description: 'Support hours', quantity: '3', unitPrice: '40.50' }],
    currency = 'EUR',
  ) {
    const response = await http.post(
      '/api/invoices',
      { clientId: client.user.clientId, currency, dueDate: nextMonth(), items },
      agent.accessToken,
    );
    expect(response.status).toBe(201);
    return response.body;
  }

  it('computes totals exactly in minor units: 3 x 40.50 + 1 x 100.00 = 221.50', async () => {
    const invoice = await draft([
      { description: 'Support hours', quantity: '3', unitPrice: '40.50' },
      { description: 'Setup', quantity: '1', unitPrice: '100.00' },
    ]);
    expect(invoice).toMatchObject({ status: 'draft', number: null, currency: 'EUR', total: '221.50' });
    expect(invoice.items.map((item: { amount: string }) => item.amount)).toEqual(['121.50', '100.00']);
    const rows = await queryDatabase(env.database.url, 'SELECT total_minor FROM invoices WHERE id = $1', [invoice.id]);
    expect(rows[0]['total_minor']).toBe('22150');
  });

  it('sums amounts that floating point gets wrong, and respects each currency’s decimals', async () => {
    const cents = await draft([
      { description: 'a', quantity: '1', unitPrice: '0.10' },
      { description: 'b', quantity: '1', unitPrice: '0.20' },
    ]);
    expect(cents.total).toBe('0.30');
    const fractional = await draft([{ description: 'Consulting', quantity: '1.5', unitPrice: '99.99' }]);
    expect(fractional.total).toBe('149.99'); // 149.985 rounds half up
    const yen = await draft([{ description: 'Licence', quantity: '2', unitPrice: '1500' }], 'JPY');
    expect(yen.total).toBe('3000');
    const tooPrecise = await http.post(
      '/api/invoices',
      {
        clientId: client.user.clientId,
        currency: 'JPY',
        dueDate: nextMonth(),
        items: [{ description: 'x', quantity: '1', unitPrice: '1.5' }],
      },
      agent.accessToken,
    );
    expect(tooPrecise.status).toBe(400);
    expect(tooPrecise.body.message).toMatch(/more than 0 decimals for JPY/);
  });

  it('goes draft -> issued -> paid, numbers on issue, and refuses invalid transitions with 409', async () => {
    const invoice = await draft();
    const issued = await http.post(`/api/invoices/${invoice.id}/issue`, {}, agent.accessToken);
    expect(issued.status).toBe(200);
    expect(issued.body.status).toBe('issued');
    expect(issued.body.number).toMatch(new RegExp(`^INV-${new Date().getUTCFullYear()}-\\d{4}$`));

    const edit = await http.patch(`/api/invoices/${invoice.id}`, { dueDate: nextMonth() }, agent.accessToken);
    expect(edit.status).toBe(409);
    expect(edit.body.message).toMatch(/Only drafts can be edited/);
    expect((await http.post(`/api/invoices/${invoice.id}/issue`, {}, agent.accessToken)).status).toBe(409);

    const paid = await http.post(`/api/invoices/${invoice.id}/pay`, {}, agent.accessToken);
    expect(paid.body.status).toBe('paid');
    const voidPaid = await http.post(`/api/invoices/${invoice.id}/void`, {}, agent.accessToken);
    expect(voidPaid.status).toBe(409);
    expect(voidPaid.body.message).toMatch(/A paid invoice cannot be voided/);

    const other = await draft();
    expect((await http.post(`/api/invoices/${other.id}/pay`, {}, agent.accessToken)).status).toBe(409);
    expect((await http.post(`/api/invoices/${other.id}/void`, {}, agent.accessToken)).body.status).toBe('void');
  });

  it('gives issued invoices consecutive numbers', async () => {
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) {
      const invoice = await draft();
      numbers.push((await http.post(`/api/invoices/${invoice.id}/issue`, {}, agent.accessToken)).body.number);
    }
    const seqs = numbers.map((number) => Number(number.slice(-4)));
    expect(seqs).toEqual([seqs[0], seqs[0] + 1, seqs[0] + 2]);
  });

  it('edits drafts and recomputes the total', async () => {
    const invoice = await draft();
    const edited = await http.patch(
      `/api/invoices/${invoice.id}`,
      { items: [{ description: 'Hours', quantity: '10', unitPrice: '12.34' }] },
      agent.accessToken,
    );
    expect(edited.status).toBe(200);
    expect(edited.body.total).toBe('123.40');
    expect(edited.body.items).toHaveLength(1);
  });

  it('shows clients their own invoices, never drafts, and nothing of other clients', async () => {
    const hidden = await draft();
    const visible = await draft();
    await http.post(`/api/invoices/${visible.id}/issue`, {}, agent.accessToken);

    const list = await http.get('/api/invoices?pageSize=100', client.accessToken);
    const ids = list.body.items.map((invoice: { id: string }) => invoice.id);
    expect(ids).toContain(visible.id);
    expect(ids).not.toContain(hidden.id);
    expect(list.body.items.every((invoice: { status: string }) => invoice.status !== 'draft')).toBe(true);
    expect((await http.get(`/api/invoices/${hidden.id}`, client.accessToken)).status).toBe(404);
    expect((await http.get(`/api/invoices/${visible.id}`, client.accessToken)).status).toBe(200);
    expect((await http.get(`/api/invoices/${visible.id}`, otherClient.accessToken)).status).toBe(404);
    const others = await http.get('/api/invoices?pageSize=100', otherClient.accessToken);
    expect(others.body.items.map((invoice: { id: string }) => invoice.id)).not.toContain(visible.id);
    for (const action of ['issue', 'pay', 'void']) {
      expect((await http.post(`/api/invoices/${visible.id}/${action}`, {}, client.accessToken)).status).toBe(403);
    }
    expect((await http.post('/api/invoices', { clientId: client.user.clientId }, client.accessToken)).status).toBe(403);
  });

  it('turns issued invoices past their due date overdue, and they can still be paid', async () => {
    const invoice = await draft();
    await http.post(`/api/invoices/${invoice.id}/issue`, {}, agent.accessToken);
    await queryDatabase(env.database.url, 'UPDATE invoices SET due_date = current_date - 1 WHERE id = $1', [
      invoice.id,
    ]);
    // The sweep runs every second (OVERDUE_SWEEP_SECONDS=1).
    await eventually(async () =>
      expect((await http.get(`/api/invoices/${invoice.id}`, agent.accessToken)).body.status).toBe('overdue'),
    );
    expect((await http.post(`/api/invoices/${invoice.id}/pay`, {}, agent.accessToken)).body.status).toBe('paid');
  });

  it('answers bad input with a 4xx and a message', async () => {
    const invoice = await draft();
    const valid = {
      clientId: client.user.clientId,
      currency: 'EUR',
      dueDate: nextMonth(),
      items: [{ description: 'x', quantity: '1', unitPrice: '1.00' }],
    };
    const cases: Array<[unknown, number]> = [
      [{}, 400],
      [{ ...valid, currency: 'EURO' }, 400],
      [{ ...valid, currency: 'XYZ' }, 400],
      [{ ...valid, dueDate: '31/12/2026' }, 400],
      [{ ...valid, dueDate: '2026-02-30' }, 400],
      [{ ...valid, items: [] }, 400],
      [{ ...valid, items: [{ description: '', quantity: '1', unitPrice: '1' }] }, 400],
      [{ ...valid, items: [{ description: 'x', quantity: -1, unitPrice: '1' }] }, 400],
      [{ ...valid, items: [{ description: 'x', quantity: '1', unitPrice: 1.5 }] }, 400],
      [{ ...valid, items: [{ description: 'x', quantity: '1', unitPrice: '1e5' }] }, 400],
      [{ ...valid, clientId: '00000000-0000-4000-8000-000000000000' }, 400],
      [{ ...valid, discount: '10' }, 400],
    ];
    for (const [body, status] of cases) {
      const response = await http.post('/api/invoices', body, agent.accessToken);
      expect({ body, status: response.status }).toEqual({ body, status });
      expect(response.body.message.length).toBeGreaterThan(0);
    }
    expect((await http.get('/api/invoices?status=unpaid', agent.accessToken)).status).toBe(400);
    expect((await http.get('/api/invoices/nope', agent.accessToken)).status).toBe(400);
    expect(
      (await http.post('/api/invoices/00000000-0000-4000-8000-000000000000/issue', {}, agent.accessToken)).status,
    ).toBe(404);
    expect((await http.patch(`/api/invoices/${invoice.id}`, { items: 'many' }, agent.accessToken)).status).toBe(400);
  });
});
