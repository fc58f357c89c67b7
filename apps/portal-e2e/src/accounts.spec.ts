import { type BrowserSession, openBrowser, useTestEnvironment } from '@deskgram/testing/harness';
import { type Page } from 'playwright-core';

/** The demo accounts the API creates on an empty database (apps/api/src/demo/demo-data.ts). */
const DEMO_PASSWORD = 'deskgram-demo';
const CLIENT = 'anna@northwind.example';
const ADMIN = 'admin@deskgram.example';
const AGENT = 'agent@deskgram.example';

/** Signing in, the two areas and signing out, as a person does it in a real browser against the built API. */
describe('accounts in the portal', () => {
  const env = useTestEnvironment({ api: { DEMO_DATA: 'true' } });
  let session: BrowserSession;

  // A browser of its own for every test: the sign-in lives in localStorage, and no test should inherit one.
  beforeEach(async () => {
    session = await openBrowser();
  });

  afterEach(async () => {
    await session?.close();
  });

  async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
    await page.goto(`${env.baseUrl}/sign-in`);
    await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
    await page.getByRole('textbox', { name: 'Password' }).fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  async function navigation(page: Page): Promise<string[]> {
    const links = page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link');
    await links.first().waitFor();
    return (await links.allTextContents()).map((text) => text.trim());
  }

  it('signs a client in to the client area, keeps them there after a reload, and signs them out', async () => {
    const page = await session.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await signIn(page, CLIENT);
    await page.waitForURL(/\/client$/);
    await page.getByRole('heading', { name: 'Hello, Anna Hughes' }).waitFor();
    expect(await navigation(page)).toEqual(['Dashboard', 'Tickets', 'Invoices']);
    expect(await page.getByRole('link', { name: 'Clients' }).count()).toBe(0);

    await page.reload();
    await page.getByRole('heading', { name: 'Hello, Anna Hughes' }).waitFor();

    await page.getByRole('button', { name: 'Account menu: Anna Hughes' }).click();
    const menu = page.getByRole('menu');
    await menu.getByText(CLIENT).waitFor();
    await menu.getByText('Client', { exact: true }).waitFor();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in$/);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    // Signed out for real: the area asks for a new sign-in, and leads back afterwards.
    await page.goto(`${env.baseUrl}/client/invoices`);
    await page.waitForURL(/\/sign-in\?returnUrl=%2Fclient%2Finvoices$/);
    await page.getByRole('textbox', { name: 'E-mail' }).fill(CLIENT);
    await page.getByRole('textbox', { name: 'Password' }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(/\/client\/invoices$/);
    await page.getByRole('heading', { name: 'Invoices', level: 1 }).waitFor();
    expect(errors).toEqual([]);
  });

  it('shows an administrator the staff navigation, with the clients and the staff accounts', async () => {
    const page = await session.browser.newPage();

    await signIn(page, ADMIN);
    await page.waitForURL(/\/staff$/);
    await page.getByRole('heading', { name: 'Queue', level: 1 }).waitFor();
    expect(await navigation(page)).toEqual(['Queue', 'Clients', 'Invoices', 'Deliveries', 'Staff users']);

    await page.getByRole('link', { name: 'Clients' }).click();
    await page.waitForURL(/\/staff\/clients$/);
    await page.getByRole('link', { name: 'Staff users' }).click();
    await page.waitForURL(/\/staff\/users$/);
  });

  it('shows an agent the staff navigation without the staff accounts, and keeps them out of them', async () => {
    const page = await session.browser.newPage();

    await signIn(page, AGENT);
    await page.waitForURL(/\/staff$/);
    expect(await navigation(page)).toEqual(['Queue', 'Clients', 'Invoices', 'Deliveries']);

    await page.goto(`${env.baseUrl}/staff/users`);
    await page.waitForURL(/\/staff$/);
    await page.goto(`${env.baseUrl}/client`);
    await page.waitForURL(/\/staff$/);
  });

  it('says so when the password is wrong, and stays on the sign-in page', async () => {
    const page = await session.browser.newPage();

    await signIn(page, CLIENT, 'not the password');

    await page.getByRole('alert').filter({ hasText: 'Wrong e-mail or password' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toContain(
      'Wrong e-mail or password. Check both and try again.',
    );
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
  });

  it('puts the navigation in a drawer behind the menu button on a phone', async () => {
    const page = await session.browser.newPage();
    await page.setViewportSize({ width: 360, height: 740 });

    await signIn(page, CLIENT);
    await page.waitForURL(/\/client$/);
    const drawer = page.getByRole('navigation', { name: 'Main navigation' });
    await page.getByRole('heading', { name: 'Hello, Anna Hughes' }).waitFor();
    expect(await drawer.isVisible()).toBe(false);

    await page.getByRole('button', { name: 'Open navigation' }).click();
    await drawer.waitFor({ state: 'visible' });
    await drawer.getByRole('link', { name: 'Tickets' }).click();

    await page.waitForURL(/\/client\/tickets$/);
    await drawer.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: 'Tickets', level: 1 }).waitFor();
  });
});
