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
 * Telegram notifications as staff and clients handle them in the portal, on the built API with its demo data and a
 * Bot API double in place of Telegram: a message from the client's page that reaches Telegram and shows in the
 * delivery log, and a switch of the preferences that stays as it was left.
 */
describe('notifications', () => {
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
    const token = new URL(url).searchParams.get('start');
    expect(token).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    return token as string;
  }

  it('staff send a custom message from the client page and it shows in the delivery log as sent', async () => {
    // Anna connects her Telegram, through the API and Telegram.
    const anna = await login('anna@northwind.example');
    const link = await apiCall<{ url: string }>(anna, 'POST', '/api/telegram/client/generate-link');
    const annaInTelegram = double.person({ firstName: 'Anna', username: 'anna_h', languageCode: 'en' });
    await double.pressStart(annaInTelegram, startToken(link.url));
    await double.waitForMessage(annaInTelegram);

    const page = await signedInPage(agentBrowser, 'agent@deskgram.example');
    await page.goto(`${api.baseUrl}/staff/clients`);
    await page.getByRole('link', { name: 'Northwind Trading' }).first().click();
    await page.getByRole('heading', { name: 'Northwind Trading', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Message on Telegram' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Goes to 1 connected user').waitFor();
    const text = `Our office is closed on Friday ${Date.now()}. We answer again on Monday.`;
    await dialog.getByRole('textbox', { name: 'Message' }).fill(text);
    await dialog.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Sent to 1 person').waitFor();
    expect(await dialog.count()).toBe(0);

    const received = await double.waitForMessage(annaInTelegram, (message) => message.text.includes(text));
    expect(received.text).toContain(text);

    // The log records the delivery as sent once Telegram has taken it, which may be a moment after it arrived.
    await page.goto(`${api.baseUrl}/staff/deliveries`);
    const row = page.locator('[data-testid="delivery-row"]', { hasText: text });
    const status = row.locator('[data-testid="delivery-status"]');
    for (let attempt = 0; ; attempt++) {
      await row.waitFor();
      if ((await status.textContent())?.trim() === 'Sent' || attempt === 10) break;
      await page.waitForTimeout(500);
      await page.reload();
    }
    expect((await status.textContent())?.trim()).toBe('Sent');
    await page.close();
  });

  it('a client mutes status changes on the profile, and the switch stays off after a reload', async () => {
    const page = await signedInPage(clientBrowser, 'anna@northwind.example');
    await page.goto(`${api.baseUrl}/profile`);
    const preferences = page.locator('#notifications');
    await preferences.getByRole('heading', { name: 'Notifications' }).waitFor();
    const statusChanges = preferences.getByRole('switch', { name: 'Status changes' });
    expect(await statusChanges.getAttribute('aria-checked')).toBe('true');

    await statusChanges.click();
    await page.getByText('Status changes: off').waitFor();
    expect(await statusChanges.getAttribute('aria-checked')).toBe('false');

    await page.reload();
    await preferences.getByRole('switch', { name: 'Status changes' }).waitFor();
    expect(await statusChanges.getAttribute('aria-checked')).toBe('false');
    // Only that one moved.
    expect(await preferences.getByRole('switch', { name: 'Replies' }).getAttribute('aria-checked')).toBe('true');
    await page.close();
  });
});
