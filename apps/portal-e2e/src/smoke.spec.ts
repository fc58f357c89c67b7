import { useTestEnvironment } from '@deskgram/testing/harness';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'tmp', 'screenshots');

/** The portal as a person first meets it: served by the built API, in a real browser. */
describe('the portal', () => {
  const env = useTestEnvironment({ browser: true });

  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
  });

  it('opens on the sign-in page at /', async () => {
    const page = await env.browser.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    const health = page.waitForResponse((response) => response.url().endsWith('/api/health'));
    await page.goto(`${env.baseUrl}/`);
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
    const page = await env.browser.browser.newPage();
    const response = await page.goto(`${env.baseUrl}/sign-in`);
    expect(response?.status()).toBe(200);
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await page.close();
  });

  it('switches to Russian and remembers it after a reload', async () => {
    const page = await env.browser.browser.newPage();
    await page.goto(`${env.baseUrl}/sign-in`);
    await page.getByRole('button', { name: /Change language/ }).click();
    await page.getByRole('menuitemradio', { name: 'Русский' }).click();
    await page.getByRole('button', { name: 'Войти', exact: true }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Войти', exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await page.close();
  });

  it('shows the API documentation at /api/docs', async () => {
    const page = await env.browser.browser.newPage();
    await page.goto(`${env.baseUrl}/api/docs`);
    await page.getByText('Deskgram API').first().waitFor();
    await page.close();
  });
});
