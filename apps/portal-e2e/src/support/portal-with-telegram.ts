import { type ApiProcess, type BrowserSession, useTestEnvironment } from '@deskgram/testing/harness';
import { type TelegramBotApiDouble } from '@deskgram/testing/telegram-bot-api';
import { type Page } from 'playwright-core';
import { DEMO_PASSWORD, signedInPage as signedInPageOf } from './sessions';

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
  apiCall<T>(session: Session, method: string, path: string, body?: unknown): Promise<T>;
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
  const env = useTestEnvironment({
    api: { DEMO_DATA: 'true' },
    telegram: {
      token: '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw',
      username: 'deskgram_test_bot',
      limits: { perChatPerSecond: 100 },
    },
    // One browser each for a client and an agent: a browser profile keeps one session.
    browser: 2,
  });
  const errors: string[] = [];

  afterEach(() => {
    expect(errors).toEqual([]);
  });

  async function login(email: string): Promise<Session> {
    const response = await fetch(`${env.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as Session;
  }

  async function apiCall<T>(session: Session, method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${env.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${session.accessToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(response.ok).toBe(true);
    return (await response.json()) as T;
  }

  /** A page signed in as a demo account: the session the API hands out, put where the portal keeps it. */
  async function signedInPage(browser: BrowserSession, email: string): Promise<Page> {
    const page = await signedInPageOf(env.baseUrl, browser, email);
    page.on('pageerror', (error) => errors.push(error.message));
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
      return env.api;
    },
    get double() {
      return env.telegram;
    },
    get clientBrowser() {
      return env.browsers[0];
    },
    get agentBrowser() {
      return env.browsers[1];
    },
    login,
    apiCall,
    signedInPage,
    startToken,
  };
}
