import { useTestEnvironment } from '@deskgram/testing/harness';
import { signedInPage } from './support/sessions';

/** A ticket from the client's form to the agent's queue and back, on the built API with its demo data. */
describe('tickets', () => {
  const env = useTestEnvironment({ api: { DEMO_DATA: 'true' }, browser: 2 });
  /** One browser each: a browser profile keeps one session, as the portal's storage is per site. */
  const clientBrowser = () => env.browsers[0];
  const agentBrowser = () => env.browsers[1];

  it('a client opens a ticket, an agent replies and writes a note, and the client sees only the reply', async () => {
    const subject = `Scanner jams on every page ${Date.now()}`;
    const errors: string[] = [];

    // The client opens a ticket through the form.
    const client = await signedInPage(env.baseUrl, clientBrowser(), 'anna@northwind.example');
    client.on('pageerror', (error) => errors.push(error.message));
    await client.goto(`${env.baseUrl}/client/tickets`);
    await client.getByRole('heading', { name: 'Tickets', exact: true }).waitFor();
    await client.getByRole('link', { name: 'New ticket' }).first().click();
    await client.getByRole('heading', { name: 'New ticket', exact: true }).waitFor();
    await client.getByLabel('Subject', { exact: true }).fill(subject);
    await client.getByLabel('Description', { exact: true }).fill('The scanner in the office jams on every page.');
    const created = client.waitForResponse(
      (response) => response.url().endsWith('/api/tickets') && response.request().method() === 'POST',
    );
    await client.getByRole('button', { name: 'Open ticket' }).click();
    expect((await created).status()).toBe(201);
    await client.waitForURL(/\/client\/tickets\/[0-9a-f-]{36}$/);
    await client.getByRole('heading', { name: subject }).waitFor();
    const ticketId = new URL(client.url()).pathname.split('/').pop();

    // The agent finds it in the queue and opens it.
    const agent = await signedInPage(env.baseUrl, agentBrowser(), 'agent@deskgram.example');
    agent.on('pageerror', (error) => errors.push(error.message));
    await agent.goto(`${env.baseUrl}/staff`);
    await agent.getByRole('heading', { name: 'Queue', exact: true }).waitFor();
    await agent.getByRole('searchbox', { name: 'Search' }).fill('Scanner jams');
    await agent.waitForURL(/[?&]search=Scanner/);
    await agent.getByRole('link', { name: new RegExp(subject) }).click();
    await agent.waitForURL(new RegExp(`/staff/tickets/${ticketId}$`));
    await agent.getByRole('heading', { name: subject }).waitFor();

    // A public reply, then an internal note.
    const reply = agent.locator('dg-reply-box textarea');
    await reply.fill('Please try cleaning the rollers; we will call you tomorrow.');
    const sent = agent.waitForResponse((response) => response.url().endsWith('/messages'));
    await agent.getByRole('button', { name: 'Send' }).click();
    expect((await sent).status()).toBe(201);
    await agent.getByText('Reply sent').waitFor();

    await agent
      .getByRole('radio', { name: 'Internal note' })
      .or(agent.getByRole('button', { name: 'Internal note' }))
      .click();
    await reply.fill('Their scanner is out of warranty.');
    const noted = agent.waitForResponse((response) => response.url().endsWith('/messages'));
    await agent.getByRole('button', { name: 'Add note' }).click();
    expect((await noted).status()).toBe(201);
    const note = agent.locator('.message.internal', { hasText: 'Their scanner is out of warranty.' });
    await note.waitFor();
    expect(await note.locator('.internal-label').textContent()).toContain('Internal');

    // The client reloads the thread: the reply is there, the note is not.
    await client.reload();
    expect(new URL(client.url()).pathname).toBe(`/client/tickets/${ticketId}`);
    await client.getByText('Please try cleaning the rollers; we will call you tomorrow.').waitFor();
    expect(await client.getByText('Their scanner is out of warranty.').count()).toBe(0);
    expect(await client.locator('.message').count()).toBe(2);

    expect(errors).toEqual([]);
    await agent.close();
    await client.close();
  });
});
