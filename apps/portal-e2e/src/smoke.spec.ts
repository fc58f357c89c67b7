import { type ApiProcess, createTestDatabase, startApi, type TestDatabase } from '@deskgram/testing/harness';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserSession, openBrowser } from './browser';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'tmp', 'screenshots');

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
    await mkdir(SCREENSHOTS, { recursive: true });
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
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    const health = page.waitForResponse((response) => response.url().endsWith('/api/health'));
    await page.goto(`${api.baseUrl}/`);
    await page.waitForURL(/\/sign-in$/);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByRole('textbox', { name: 'E-mail' }).waitFor();
    await page.getByRole('textbox', { name: 'Password' }).waitFor();
    // The page asked the API through the generated client, got its answer, and so shows no warning.
    expect((await health).status()).toBe(200);
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'sign-in.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('serves client-side routes from index.html on a direct visit', async () => {
    const page = await session.browser.newPage();
    const response = await page.goto(`${api.baseUrl}/sign-in`);
    expect(response?.status()).toBe(200);
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await page.close();
  });

  it('switches to Russian and remembers it after a reload', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${api.baseUrl}/sign-in`);
    await page.getByRole('button', { name: /Change language/ }).click();
    await page.getByRole('menuitemradio', { name: 'Русский' }).click();
    await page.getByRole('button', { name: 'Войти', exact: true }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Войти', exact: true }).waitFor();
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
