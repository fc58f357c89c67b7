import { useTestEnvironment } from '@deskgram/testing/harness';
import { DEMO, type Session, TestClient } from './support/api-client';

/** Tickets and threads over HTTP: who sees what, the status rules, and bad input. */
describe('tickets', () => {
  const env = useTestEnvironment({ api: { DEMO_DATA: 'true' } });
  let http: TestClient;
  let client: Session;
  let colleague: Session;
  let otherClient: Session;
  let agent: Session;
  let admin: Session;

  beforeAll(async () => {
    http = new TestClient(env.baseUrl);
    [client, colleague, otherClient, agent, admin] = await Promise.all(
      [DEMO.client, DEMO.clientColleague, DEMO.otherClient, DEMO.agent, DEMO.admin].map((email) => http.signIn(email)),
    );
  });

  async function openTicket(subject = 'Printer on fire', by: Session = client) {
    const response = await http.post('/api/tickets', { subject, body: 'It started this morning.' }, by.accessToken);
    expect(response.status).toBe(201);
    return response.body;
  }

  it('a client opens a ticket for their own client, with a human number and the description as first message', async () => {
    const ticket = await openTicket();
    expect(ticket).toMatchObject({
      subject: 'Printer on fire',
      status: 'open',
      priority: 'normal',
      clientId: client.user.clientId,
      clientName: 'Northwind Trading',
      creatorId: client.user.id,
      assigneeId: null,
    });
    expect(ticket.number).toMatch(/^T-\d{4,}$/);
    expect(ticket.messages).toEqual([
      expect.objectContaining({
        body: 'It started this morning.',
        authorRole: 'client',
        internal: false,
        via: 'portal',
      }),
    ]);
    const next = await openTicket('Second one');
    expect(Number(next.number.slice(2))).toBe(Number(ticket.number.slice(2)) + 1);
  });

  it('staff open a ticket for a client and must name the client', async () => {
    const missing = await http.post('/api/tickets', { subject: 'x', body: 'y' }, agent.accessToken);
    expect(missing.status).toBe(400);
    expect(missing.body.message).toMatch(/clientId is required/);
    const created = await http.post(
      '/api/tickets',
      { subject: 'Renewal', body: 'Your plan renews next week.', clientId: client.user.clientId, priority: 'low' },
      agent.accessToken,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ clientId: client.user.clientId, priority: 'low', creatorId: agent.user.id });
  });

  it('keeps internal notes from clients entirely, and only staff may write them', async () => {
    const ticket = await openTicket('Refund request');
    const note = await http.post(
      `/api/tickets/${ticket.id}/messages`,
      { body: 'Customer was refunded last month already.', internal: true },
      agent.accessToken,
    );
    expect(note.status).toBe(201);
    expect(note.body.internal).toBe(true);
    const reply = await http.post(
      `/api/tickets/${ticket.id}/messages`,
      { body: 'Looking into it.' },
      agent.accessToken,
    );
    expect(reply.status).toBe(201);

    const asStaff = await http.get(`/api/tickets/${ticket.id}`, admin.accessToken);
    expect(asStaff.body.messages.map((m: { internal: boolean }) => m.internal)).toEqual([false, true, false]);

    const asClient = await http.get(`/api/tickets/${ticket.id}`, colleague.accessToken);
    expect(asClient.status).toBe(200);
    expect(asClient.body.messages).toHaveLength(2);
    expect(asClient.text).not.toContain('refunded last month');
    expect(asClient.text).not.toContain('"internal":true');

    const forbidden = await http.post(
      `/api/tickets/${ticket.id}/messages`,
      { body: 'psst', internal: true },
      client.accessToken,
    );
    expect(forbidden.status).toBe(403);
  });

  it('a client reply on a ticket waiting for the client or resolved reopens it; a closed one takes no replies', async () => {
    const ticket = await openTicket('VPN drops');
    for (const status of ['waiting_for_client', 'resolved'] as const) {
      const set = await http.patch(`/api/tickets/${ticket.id}`, { status }, agent.accessToken);
      expect(set.body.status).toBe(status);
      await http.post(`/api/tickets/${ticket.id}/messages`, { body: 'Still broken.' }, client.accessToken);
      expect((await http.get(`/api/tickets/${ticket.id}`, client.accessToken)).body.status).toBe('open');
    }
    // A staff reply does not reopen.
    await http.patch(`/api/tickets/${ticket.id}`, { status: 'waiting_for_client' }, agent.accessToken);
    await http.post(`/api/tickets/${ticket.id}/messages`, { body: 'Try now?' }, agent.accessToken);
    expect((await http.get(`/api/tickets/${ticket.id}`, client.accessToken)).body.status).toBe('waiting_for_client');

    await http.patch(`/api/tickets/${ticket.id}`, { status: 'closed' }, agent.accessToken);
    const late = await http.post(`/api/tickets/${ticket.id}/messages`, { body: 'Hello?' }, client.accessToken);
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/closed/);
  });

  it('assigns to staff only, and filters the queue', async () => {
    const ticket = await openTicket('Email bounces');
    const assigned = await http.patch(`/api/tickets/${ticket.id}`, { assigneeId: agent.user.id }, admin.accessToken);
    expect(assigned.body).toMatchObject({ assigneeId: agent.user.id, assigneeName: 'Sam Rivera' });
    const toClient = await http.patch(`/api/tickets/${ticket.id}`, { assigneeId: client.user.id }, admin.accessToken);
    expect(toClient.status).toBe(400);

    const mine = await http.get(`/api/tickets?assigneeId=${agent.user.id}`, agent.accessToken);
    expect(mine.body.items.map((t: { id: string }) => t.id)).toContain(ticket.id);
    const unassigned = await http.get('/api/tickets?assigneeId=none', agent.accessToken);
    expect(unassigned.body.items.map((t: { id: string }) => t.id)).not.toContain(ticket.id);
    const byNumber = await http.get(`/api/tickets?search=${ticket.number}`, agent.accessToken);
    expect(byNumber.body.items.map((t: { id: string }) => t.id)).toEqual([ticket.id]);
    const counts = await http.get('/api/tickets/counts', agent.accessToken);
    expect(Object.keys(counts.body).sort()).toEqual([
      'closed',
      'in_progress',
      'open',
      'resolved',
      'waiting_for_client',
    ]);
    expect(counts.body.open).toBeGreaterThan(0);
  });

  it('isolates clients on every route: another client’s ticket is a 404', async () => {
    const ticket = await openTicket('Private matter');
    expect((await http.get(`/api/tickets/${ticket.id}`, otherClient.accessToken)).status).toBe(404);
    expect(
      (await http.post(`/api/tickets/${ticket.id}/messages`, { body: 'hi' }, otherClient.accessToken)).status,
    ).toBe(404);
    expect((await http.patch(`/api/tickets/${ticket.id}`, { status: 'closed' }, otherClient.accessToken)).status).toBe(
      403,
    );
    const list = await http.get('/api/tickets?pageSize=100', otherClient.accessToken);
    expect(list.body.items.map((t: { id: string }) => t.id)).not.toContain(ticket.id);
    const spoofed = await http.get(`/api/tickets?clientId=${client.user.clientId}`, otherClient.accessToken);
    expect(spoofed.body.items.every((t: { clientId: string }) => t.clientId === otherClient.user.clientId)).toBe(true);
    const foreign = await http.post(
      '/api/tickets',
      { subject: 'x', body: 'y', clientId: client.user.clientId },
      otherClient.accessToken,
    );
    expect(foreign.status).toBe(400);
    expect((await http.get('/api/tickets/counts', client.accessToken)).status).toBe(403);
    expect((await http.get('/api/tickets')).status).toBe(401);
  });

  it('answers bad input with a 4xx and a message, never a 500', async () => {
    const ticket = await openTicket('Bad input target');
    const cases: Array<[string, string, unknown, number]> = [
      ['POST', '/api/tickets', {}, 400],
      ['POST', '/api/tickets', { subject: '', body: 'x' }, 400],
      ['POST', '/api/tickets', { subject: '   ', body: 'x' }, 400],
      ['POST', '/api/tickets', { subject: 'x'.repeat(201), body: 'x' }, 400],
      ['POST', '/api/tickets', { subject: 'x', body: 'x'.repeat(20_001) }, 400],
      ['POST', '/api/tickets', { subject: 'x', body: 'x', priority: 'asap' }, 400],
      ['POST', '/api/tickets', { subject: 'x', body: 'x', color: 'red' }, 400],
      ['POST', '/api/tickets', { subject: ['x'], body: 'x' }, 400],
      ['POST', `/api/tickets/${ticket.id}/messages`, { body: '' }, 400],
      ['POST', `/api/tickets/${ticket.id}/messages`, { body: 'x', internal: 'yes' }, 400],
      ['POST', '/api/tickets/not-a-uuid/messages', { body: 'x' }, 400],
      ['POST', '/api/tickets/00000000-0000-4000-8000-000000000000/messages', { body: 'x' }, 404],
      ['GET', '/api/tickets/00000000-0000-4000-8000-000000000000', undefined, 404],
      ['GET', '/api/tickets?status=lost', undefined, 400],
      ['GET', '/api/tickets?page=0', undefined, 400],
      ['GET', '/api/tickets?pageSize=1000', undefined, 400],
      ['GET', '/api/tickets?assigneeId=bob', undefined, 400],
    ];
    for (const [method, path, body, status] of cases) {
      const response = await http.request(method, path, { token: client.accessToken, body });
      expect({ method, path, status: response.status }).toEqual({ method, path, status });
      expect(response.body.message.length).toBeGreaterThan(0);
    }
    const staffCases: Array<[string, unknown, number]> = [
      [`/api/tickets/${ticket.id}`, { status: 'done' }, 400],
      [`/api/tickets/${ticket.id}`, { assigneeId: 'nobody' }, 400],
      [`/api/tickets/${ticket.id}`, { assigneeId: '00000000-0000-4000-8000-000000000000' }, 400],
      ['/api/tickets/00000000-0000-4000-8000-000000000000', { status: 'open' }, 404],
    ];
    for (const [path, body, status] of staffCases) {
      const response = await http.patch(path, body, agent.accessToken);
      expect({ path, body, status: response.status }).toEqual({ path, body, status });
    }
  });
});
