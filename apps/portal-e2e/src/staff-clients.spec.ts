import { useTestEnvironment } from '@deskgram/testing/harness';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Page } from 'playwright-core';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'tmp', 'screenshots');
/** The key under which the portal keeps the signed-in session (libs/portal/auth, AuthStore). */
const SESSION_STORAGE_KEY = 'deskgram.session';

/** Staff looking after clients, on the built API with its demo data, in a real browser. */
describe('staff: clients', () => {
  const env = useTestEnvironment({ api: { DEMO_DATA: 'true' }, browser: true });

  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
  });

  async function login(email: string, password: string): Promise<{ status: number; body: any }> {
    const response = await fetch(`${env.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    return { status: response.status, body: await response.json() };
  }

  /**
   * A page already signed in as the demo administrator. Signing in through the form is the sign-in page's own
   * test; here the session the API hands out is put where the portal keeps it, before the portal starts.
   */
  async function signedInPage(): Promise<Page> {
    const { status, body } = await login('admin@deskgram.example', 'deskgram-demo');
    expect(status).toBe(200);
    const page = await env.browser.browser.newPage();
    await page.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [
      SESSION_STORAGE_KEY,
      JSON.stringify(body),
    ] as const);
    return page;
  }

  async function clientNames(page: Page): Promise<string[]> {
    return page.locator('dg-client-list table a').allTextContents();
  }

  it('lists the demo clients, narrows them by a search, and creates a client with its first portal user', async () => {
    const page = await signedInPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await page.goto(`${env.baseUrl}/staff/clients`);
    await page.getByRole('heading', { name: 'Clients', exact: true }).waitFor();
    const table = page.locator('dg-client-list table');
    await table.getByRole('link', { name: 'Northwind Trading' }).waitFor();
    expect((await clientNames(page)).sort()).toEqual(['Contoso Clinic', 'Northwind Trading', 'Ромашка'].sort());

    await page.getByRole('searchbox', { name: 'Search clients' }).fill('north');
    await page.waitForURL(/[?&]search=north\b/);
    // The previous rows stay on screen until the API answers the search.
    await table.getByRole('link', { name: 'Contoso Clinic' }).waitFor({ state: 'detached' });
    expect(await clientNames(page)).toEqual(['Northwind Trading']);

    // Let the debounced search finish its navigation first: a dialog closes when the address changes.
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: 'New client' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New client' });
    // The dialog moves focus to its first field once it has opened; typing before that can land in the wrong field.
    await page.waitForFunction(() => document.activeElement?.getAttribute('formcontrolname') === 'name');
    await dialog.getByLabel('Name', { exact: true }).fill('Fabrikam Works');
    await dialog.getByLabel('E-mail', { exact: true }).fill('olivia@fabrikam.example');
    await dialog.getByLabel('Initial password', { exact: true }).fill('fabrikam-first-day');
    await dialog.getByLabel('Phone', { exact: true }).fill('+1 425 555 0199');
    await dialog.getByLabel('Company', { exact: true }).fill('Fabrikam Inc.');
    expect(await dialog.getByLabel('Name', { exact: true }).inputValue()).toBe('Fabrikam Works');
    expect(await dialog.getByLabel('Initial password', { exact: true }).inputValue()).toBe('fabrikam-first-day');
    const created = page.waitForResponse(
      (response) => response.url().endsWith('/api/clients') && response.request().method() === 'POST',
    );
    await dialog.getByRole('button', { name: 'Create client' }).click();
    const response = await created.catch(async (error: Error) => {
      // Say what the page showed instead of only that no request came.
      await page.screenshot({ path: join(SCREENSHOTS, 'staff-client-create-failed.png') });
      const shown = (await dialog.count()) > 0 ? await dialog.innerText() : '(the dialog is gone)';
      throw new Error(`${error.message}\nThe dialog showed:\n${shown}`);
    });
    expect(response.status()).toBe(201);

    await page.waitForURL(/\/staff\/clients\/[0-9a-f-]{36}$/);
    const clientId = new URL(page.url()).pathname.split('/').pop();
    await page.getByRole('heading', { name: 'Fabrikam Works' }).waitFor();
    await page.getByText('Client created').waitFor();
    const users = page.getByRole('list', { name: 'Portal users' });
    await users.getByText('olivia@fabrikam.example').waitFor();
    expect(await users.getByRole('listitem').count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'staff-client-created.png') });

    // The first portal user is real: the client signs in with the password the staff member gave.
    const client = await login('olivia@fabrikam.example', 'fabrikam-first-day');
    expect(client.status).toBe(200);
    expect(client.body.user).toEqual(expect.objectContaining({ role: 'client', clientId }));
    expect(errors).toEqual([]);
    await page.close();
  });
});
