import { type ApiProcess, createTestDatabase, startApi, type TestDatabase } from '@deskgram/testing/harness';
import { TelegramBotApiDouble } from '@deskgram/testing/telegram-bot-api';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { type BrowserSession, openBrowser } from '../browser';

/** The key under which the portal keeps the signed-in session (libs/portal/auth, AuthStore). */
const SESSION_STORAGE_KEY = 'deskgram.session';

export interface Session {
  accessToken: string;
}

export interface PortalWithTelegram {
  readonly api: ApiProcess;
  readonly double: TelegramBotApiDouble;
  /** One browser each: a browser profile keeps one session, as the portal's storage is per site. */
  readonly clientBrowser: BrowserSession;
  readonly agentBrowser: BrowserSession;
  login(email: string): Promise<Session>;
  apiCall<T>(session: Session, method: string, path: string): Promise<T>;
  /** A page signed in as a demo account: the session the API hands out, put where the portal keeps it. */
  signedInPage(browser: BrowserSession, email: string): Promise<Page>;
  /** The start payload of a `https://t.me/<bot>?start=<token>` link. */
  startToken(url: string): string;
}

/**
 * Registers the hooks of a suite that runs the built API with its demo data and a Bot API double in place of
 * Telegram, and two browsers; fails each test in which a page threw.
 */
export function portalWithTelegram(): PortalWithTelegram {
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
        DEMO_DATA: 'true',
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

  return {
    get api() {
      return api;
    },
    get double() {
      return double;
    },
    get clientBrowser() {
      return clientBrowser;
    },
    get agentBrowser() {
      return agentBrowser;
    },
    login,
    apiCall,
    signedInPage,
    startToken,
  };
}
