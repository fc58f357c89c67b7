import { type BrowserSession, openBrowser, useTestEnvironment } from '@deskgram/testing/harness';
import { type Page } from 'playwright-core';

/** The demo accounts the API creates on an empty database (apps/api/src/demo/demo-data.ts). */
const DEMO_PASSWORD = 'deskgram-demo';
const CLIENT = 'anna@northwind.example';
const COLLEAGUE = 'ben@northwind.example';
const AGENT = 'agent@deskgram.example';

/** Changing one's password, and staff taking someone's access away, as people do it in real browsers. */
describe('account lifecycle in the portal', () => {
  const env = useTestEnvironment({ api: { DEMO_DATA: 'true' } });
  const sessions: BrowserSession[] = [];

  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((session) => session.close()));
  });

  /** A browser of its own, with an empty profile: one person at one computer. */
  async function newPerson(): Promise<Page> {
    const session = await openBrowser();
    sessions.push(session);
    return session.browser.newPage();
  }

  async function signIn(page: Page, email: string, password: string): Promise<void> {
    await page.goto(`${env.baseUrl}/sign-in`);
    await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
    await page.getByRole('textbox', { name: 'Password' }).fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  it('changes the password on the profile; afterwards only the new one signs in', async () => {
    const page = await newPerson();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await signIn(page, COLLEAGUE, DEMO_PASSWORD);
    await page.waitForURL(/\/client$/);
    await page.goto(`${env.baseUrl}/profile`);
    await page.getByRole('heading', { name: 'Change password' }).waitFor();

    // A typo in the current password is explained, and nothing changes.
    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password', { exact: true }).fill('my-new-password');
    await page.getByLabel('Repeat the new password').fill('my-new-password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('This is not your current password').waitFor();

    await page.getByLabel('Current password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed; other sessions signed out').waitFor();
    // This sign-in goes on: the page still works after a reload.
    await page.reload();
    await page.getByRole('heading', { name: 'Change password' }).waitFor();

    await page.getByRole('button', { name: /^Account menu/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in$/);

    await signIn(page, COLLEAGUE, DEMO_PASSWORD);
    await page.getByRole('alert').filter({ hasText: 'Wrong e-mail or password' }).waitFor();

    await page.getByRole('textbox', { name: 'Password' }).fill('my-new-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(/\/client$/);
    expect(errors).toEqual([]);
  });

  it('signs a client out at their next request once staff disable them, and tells them why', async () => {
    const client = await newPerson();
    await signIn(client, CLIENT, DEMO_PASSWORD);
    await client.waitForURL(/\/client$/);
    await client.getByRole('heading', { name: 'Hello, Anna Hughes' }).waitFor();

    const agent = await newPerson();
    await signIn(agent, AGENT, DEMO_PASSWORD);
    await agent.waitForURL(/\/staff$/);
    await agent.goto(`${env.baseUrl}/staff/clients`);
    await agent
      .getByRole('link', { name: /Northwind Trading/ })
      .first()
      .click();
    await agent.waitForURL(/\/staff\/clients\/[0-9a-f-]+$/);
    await agent.getByRole('button', { name: 'Actions for Anna Hughes' }).click();
    await agent.getByRole('menuitem', { name: 'Disable' }).click();
    const confirm = agent.getByRole('dialog');
    await confirm.getByText('Disable Anna Hughes?').waitFor();
    await confirm.getByRole('button', { name: 'Disable' }).click();
    await agent.getByText('Anna Hughes can no longer sign in').waitFor();

    // The client's next request is refused; the portal takes them to the sign-in page with the reason.
    await client.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Tickets' }).click();
    await client.waitForURL(/\/sign-in\?.*reason=disabled/);
    await client.getByText('this account is disabled').waitFor();

    // Staff enable her again, and she signs in as before.
    await agent.getByRole('button', { name: 'Actions for Anna Hughes' }).click();
    await agent.getByRole('menuitem', { name: 'Enable' }).click();
    await agent.getByText('Anna Hughes can sign in again').waitFor();
    await client.getByRole('textbox', { name: 'E-mail' }).fill(CLIENT);
    await client.getByRole('textbox', { name: 'Password' }).fill(DEMO_PASSWORD);
    await client.getByRole('button', { name: 'Sign in', exact: true }).click();
    await client.waitForURL(/\/client\/tickets$/);
  });
});
