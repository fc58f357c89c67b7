import { type ApiProcess, createTestDatabase, startApi, type TestDatabase } from '@deskgram/testing/harness';
import { TelegramBotApiDouble } from '@deskgram/testing/telegram-bot-api';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { type BrowserSession, openBrowser } from './browser';

/** The key under which the portal keeps the signed-in session (libs/portal/auth, AuthStore). */
const SESSION_STORAGE_KEY = 'deskgram.session';

interface Session {
  accessToken: string;
}

/**
 * Connecting Telegram from the portal's card, on the built API with its demo data and a Bot API double in place of
 * Telegram: the person scans (here: reads) the link, presses Start in Telegram, and the card notices by itself.
 */
describe('telegram', () => {
  let database: TestDatabase;
  let double: TelegramBotApiDouble;
  let api: ApiProcess;
  let dataDir: string;
  /** One browser each: a browser profile keeps one session, as the portal's storage is per site. */
  let clientBrowser: BrowserSession;
  let agentBrowser: BrowserSession;
  const errors: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'deskgram-portal-'));
    double = new TelegramBotApiDouble({
      token: '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw',
      username: 'deskgram_test_bot',
      limits: { perChatPerSecond: 100 },
    });
    await double.start();
    api = await startApi({
      env: {
        DATABASE_URL: database.url,
        DATA_DIR: dataDir,
        TELEGRAM_BOT_TOKEN: double.token,
        TELEGRAM_API_ROOT: double.url,
      },
    });
    clientBrowser = await openBrowser();
    agentBrowser = await openBrowser();
  });

  afterAll(async () => {
    await clientBrowser?.close();
    await agentBrowser?.close();
    await api?.stop();
    await double?.stop();
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  afterEach(() => {
    expect(errors).toEqual([]);
  });

  async function login(email: string): Promise<Session> {
    const response = await fetch(`${api.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'deskgram-demo' }),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as Session;
  }

  async function apiCall<T>(session: Session, method: string, path: string): Promise<T> {
    const response = await fetch(`${api.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    expect(response.ok).toBe(true);
    return (await response.json()) as T;
  }

  /** A page signed in as a demo account: the session the API hands out, put where the portal keeps it. */
  async function signedInPage(browser: BrowserSession, email: string): Promise<Page> {
    const session = await login(email);
    const page = await browser.browser.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [
      SESSION_STORAGE_KEY,
      JSON.stringify(session),
    ] as const);
    return page;
  }

  /** The start payload of a `https://t.me/<bot>?start=<token>` link. */
  function startToken(url: string): string {
    const link = new URL(url);
    expect(`${link.origin}${link.pathname}`).toBe('https://t.me/deskgram_test_bot');
    const token = link.searchParams.get('start');
    expect(token).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    return token as string;
  }

  /**
   * Presses "Connect Telegram" on the card, reads the link it shows, presses Start in Telegram with it, and waits for
   * the card to say so, without the page loading again.
   */
  async function connectThroughTheCard(page: Page, username: string, firstName: string): Promise<void> {
    const card = page.locator('dg-telegram-card');
    await card.getByRole('button', { name: 'Connect Telegram' }).click();
    await card.getByRole('img', { name: /QR code/ }).waitFor();
    expect(await card.getByRole('timer').textContent()).toMatch(/Expires in 1[45]:\d\d/);
    const href = await card.getByRole('link', { name: 'Open Telegram' }).getAttribute('href');
    expect(await card.locator('a.url').textContent()).toBe(href);

    // A marker on the window survives only if the page does not load again.
    await page.evaluate(() => ((window as unknown as { telegramMarker: string }).telegramMarker = 'still here'));
    const person = double.person({ firstName, username, languageCode: 'en' });
    await double.pressStart(person, startToken(href ?? ''));
    await double.waitForMessage(person);
    await card
      .locator('.connected-as', { hasText: new RegExp(`Connected as @${username} since \\d{1,2} \\w{3} \\d{4}`) })
      .waitFor();
    expect(await page.evaluate(() => (window as unknown as { telegramMarker?: string }).telegramMarker)).toBe(
      'still here',
    );
  }

  async function disconnectThroughTheCard(page: Page): Promise<void> {
    const card = page.locator('dg-telegram-card');
    await card.getByRole('button', { name: 'Disconnect' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Disconnect Telegram?').waitFor();
    await dialog.getByRole('button', { name: 'Disconnect' }).click();
    await page.getByText('Telegram disconnected').waitFor();
    await card.getByRole('button', { name: 'Connect Telegram' }).waitFor();
  }

  it('a client connects Telegram from the dashboard by pressing Start, and disconnects it again', async () => {
    const page = await signedInPage(clientBrowser, 'anna@northwind.example');
    await page.goto(`${api.baseUrl}/client`);
    await page.getByRole('heading', { name: 'Telegram' }).waitFor();

    await connectThroughTheCard(page, 'anna_tg', 'Anna');
    await disconnectThroughTheCard(page);

    const session = await login('anna@northwind.example');
    expect(await apiCall<{ state: string }>(session, 'GET', '/api/telegram/client/status')).toEqual(
      expect.objectContaining({ state: 'not_connected', connected: false }),
    );
    await page.close();
  });

  it('staff connect from their profile, and see a client user’s Telegram on the client’s page', async () => {
    const page = await signedInPage(agentBrowser, 'agent@deskgram.example');
    await page.goto(`${api.baseUrl}/profile`);
    await page.getByRole('heading', { name: 'Telegram' }).waitFor();

    await connectThroughTheCard(page, 'sam_agent', 'Sam');
    await disconnectThroughTheCard(page);

    // Anna connects her Telegram, through the API and Telegram.
    const anna = await login('anna@northwind.example');
    const link = await apiCall<{ url: string }>(anna, 'POST', '/api/telegram/client/generate-link');
    const annaInTelegram = double.person({ firstName: 'Anna', username: 'anna_h', languageCode: 'en' });
    await double.pressStart(annaInTelegram, startToken(link.url));
    await double.waitForMessage(annaInTelegram);

    const agent = await login('agent@deskgram.example');
    const clients = await apiCall<{ items: { id: string; name: string }[] }>(
      agent,
      'GET',
      '/api/clients?search=Northwind',
    );
    const northwind = clients.items.find((client) => client.name === 'Northwind Trading');
    expect(northwind).toBeDefined();

    await page.goto(`${api.baseUrl}/staff/clients/${northwind?.id}`);
    const annaOnThePage = page.locator('.user', { hasText: 'anna@northwind.example' });
    await annaOnThePage.locator('.user-telegram', { hasText: /^\s*Telegram: @anna_h, since / }).waitFor();
    await page.close();
  });
});
