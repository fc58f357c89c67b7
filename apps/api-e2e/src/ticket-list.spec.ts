import { queryDatabase, useTestEnvironment } from '@deskgram/testing/harness';
import { DEMO, type Session, TestClient } from './support/api-client';

/** The ticket list's page and total: the same fields as a ticket's own page, exact totals, and staff's capped one. */
describe('ticket list', () => {
  const env = useTestEnvironment({ api: { DEMO_DATA: 'true' } });
  let http: TestClient;
  let client: Session;
  let agent: Session;

  beforeAll(async () => {
    http = new TestClient(env.baseUrl);
    [client, agent] = await Promise.all([DEMO.client, DEMO.agent].map((email) => http.signIn(email)));
  });

  const countTickets = async (where = 'TRUE', params: unknown[] = []) =>
    (
      await queryDatabase<{ n: number }>(
        env.database.url,
        `SELECT count(*)::int AS n FROM tickets WHERE ${where}`,
        params,
      )
    )[0].n;

  it('lists each ticket with the same fields as its own page, newest activity first, with the exact total', async () => {
    for (const session of [client, agent]) {
      const page = await http.get('/api/tickets?pageSize=100', session.accessToken);
      expect(page.status).toBe(200);
      const expected =
        session === client ? await countTickets('client_id = $1', [client.user.clientId]) : await countTickets();
      expect(page.body).toMatchObject({ total: expected, totalCapped: false });
      expect(page.body.items).toHaveLength(Math.min(expected, 100));
      const activity = page.body.items.map((item: { lastActivityAt: string }) => item.lastActivityAt);
      expect(activity).toEqual([...activity].sort().reverse());
      for (const item of page.body.items.slice(0, 5)) {
        const { messages, ...ticket } = (await http.get(`/api/tickets/${item.id}`, session.accessToken)).body;
        expect(messages).toBeDefined();
        expect(item).toEqual(ticket);
      }
    }
  });

  it('answers the total for a page past the end, and filters as before', async () => {
    const past = await http.get('/api/tickets?page=1000', agent.accessToken);
    expect(past.status).toBe(200);
    expect(past.body).toEqual({ items: [], total: await countTickets(), totalCapped: false });

    const open = await http.get('/api/tickets?status=open&assigneeId=none', agent.accessToken);
    expect(open.body.total).toBe(await countTickets(`status = 'open' AND assignee_id IS NULL`));
    expect(open.body.items.every((item: { status: string }) => item.status === 'open')).toBe(true);

    const [first] = (await http.get('/api/tickets', client.accessToken)).body.items;
    const byNumber = await http.get(`/api/tickets?search=${first.number}`, client.accessToken);
    expect(byNumber.body.items.map((item: { id: string }) => item.id)).toContain(first.id);
  });

  describe('with more than 1,000 tickets', () => {
    beforeAll(async () => {
      // One client's: the client's own view must stay exact however many there are.
      await queryDatabase(
        env.database.url,
        `INSERT INTO tickets (subject, client_id, creator_id, status, priority)
         SELECT 'Bulk ticket ' || n, $1, $2, 'open', 'normal' FROM generate_series(1, 1001) AS n`,
        [client.user.clientId, client.user.id],
      );
    });

    it('staff see at most 1,000 counted, marked as capped, with a full page', async () => {
      const page = await http.get('/api/tickets?page=2', agent.accessToken);
      expect(page.status).toBe(200);
      expect(page.body.total).toBe(1_000);
      expect(page.body.totalCapped).toBe(true);
      expect(page.body.items).toHaveLength(25);
    });

    it('a filter that matches fewer gives staff the exact total again', async () => {
      const small = await http.get('/api/tickets?search=Bulk%20ticket%2099', agent.accessToken);
      // "Bulk ticket 99" and "Bulk ticket 990" to "999".
      expect(small.body).toMatchObject({ total: 11, totalCapped: false });
    });

    it('a client’s total stays exact', async () => {
      const expected = await countTickets('client_id = $1', [client.user.clientId]);
      expect(expected).toBeGreaterThan(1_000);
      const page = await http.get('/api/tickets', client.accessToken);
      expect(page.body).toMatchObject({ total: expected, totalCapped: false });
    });
  });
});
