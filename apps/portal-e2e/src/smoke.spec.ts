import { type ApiProcess, createTestDatabase, startApi, type TestDatabase } from '@deskgram/testing/harness';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserSession, openBrowser } from './browser';

/** The portal as a person first meets it: served by the built API, in a real browser. */
describe('the portal', () => {
  let database: TestDatabase;
  let api: ApiProcess;
  let dataDir: string;
  let session: BrowserSession;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'deskgram-portal-'));
    api = await startApi({ env: { DATABASE_URL: database.url, DATA_DIR: dataDir } });
    session = await openBrowser();
  });

  afterAll(async () => {
    await session?.close();
    await api?.stop();
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('opens on the sign-in page at /', async () => {
    const page = await session.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${api.baseUrl}/`);
    await page.waitForURL(/\/sign-in$/);
    await expect(page.getByRole('button', { name: 'Sign in' }).isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('Password').isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('serves client-side routes from index.html on a direct visit', async () => {
    const page = await session.browser.newPage();
    const response = await page.goto(`${api.baseUrl}/sign-in`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('button', { name: 'Sign in' }).isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('switches to Russian and remembers it after a reload', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${api.baseUrl}/sign-in`);
    await page.getByRole('button', { name: /language/i }).click();
    await page.getByRole('menuitem', { name: 'Русский' }).click();
    await page.getByRole('button', { name: 'Войти' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Войти' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await page.close();
  });

  it('shows the API documentation at /api/docs', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${api.baseUrl}/api/docs`);
    await page.getByText('Deskgram API').first().waitFor();
    await page.close();
  });
});
