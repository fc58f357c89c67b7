import { TelegramBotApiDouble, type TelegramBotApiDoubleOptions } from '@deskgram/testing/telegram-bot-api';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ApiProcess, startApi } from './api-process';
import { type BrowserSession, openBrowser } from './browser';
import { createTestDatabase, type TestDatabase } from './databases';

export interface TestEnvironmentOptions {
  /**
   * The API's environment on top of what the fixture gives it (`DATABASE_URL` of a fresh database, `DATA_DIR` of a
   * fresh folder, and `TELEGRAM_BOT_TOKEN` + `TELEGRAM_API_ROOT` of the double when there is one); a key set to
   * `undefined` removes it.
   */
  api?: Record<string, string | undefined>;
  /** Start a Bot API double (with these options, or its defaults) and point the API at it. */
  telegram?: boolean | TelegramBotApiDoubleOptions;
  /**
   * With a double and no `TELEGRAM_WEBHOOK_URL`: wait in beforeAll until /api/health says the bot polls (default
   * true), so that the first test meets a bot that answers.
   */
  waitForPolling?: boolean;
  /** Open headless Chromium browsers, each with its own empty profile: `true` for one, or how many. */
  browser?: boolean | number;
  /** The locale of the browsers (default en-US). */
  locale?: string;
  /** How long the API may take to become healthy. */
  timeoutMs?: number;
}

export interface TestEnvironment {
  readonly database: TestDatabase;
  readonly dataDir: string;
  readonly api: ApiProcess;
  readonly baseUrl: string;
  /** The Bot API double; only when asked for with `telegram`. */
  readonly telegram: TelegramBotApiDouble;
  /** The first browser; only when asked for with `browser`. */
  readonly browser: BrowserSession;
  readonly browsers: readonly BrowserSession[];
}

/**
 * Registers the `beforeAll` and `afterAll` of a suite that drives the built API: beforeAll creates a fresh database
 * and data folder, starts the Bot API double when asked, starts the API pointing at them, opens the browsers when
 * asked, and waits until the API is healthy (and its bot polls); afterAll stops and removes everything that was
 * started, also when beforeAll failed half way. Call it at the top of a `describe`.
 */
export function useTestEnvironment(options: TestEnvironmentOptions = {}): TestEnvironment {
  let database: TestDatabase | undefined;
  let dataDir: string | undefined;
  let api: ApiProcess | undefined;
  let telegram: TelegramBotApiDouble | undefined;
  const browsers: BrowserSession[] = [];
  const browserCount = options.browser === true ? 1 : options.browser || 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'deskgram-e2e-'));
    const env: Record<string, string | undefined> = { DATABASE_URL: database.url, DATA_DIR: dataDir };
    if (options.telegram) {
      telegram = new TelegramBotApiDouble(options.telegram === true ? {} : options.telegram);
      await telegram.start();
      env['TELEGRAM_BOT_TOKEN'] = telegram.token;
      env['TELEGRAM_API_ROOT'] = telegram.url;
    }
    api = await startApi({ env: { ...env, ...options.api }, timeoutMs: options.timeoutMs });
    for (let index = 0; index < browserCount; index++) browsers.push(await openBrowser(options.locale));
    const polls = telegram && !env['TELEGRAM_WEBHOOK_URL'] && !options.api?.['TELEGRAM_WEBHOOK_URL'];
    if (polls && options.waitForPolling !== false) await waitForPolling(api, options.timeoutMs ?? 15_000);
  });

  afterAll(async () => {
    // Each part on its own, so that one failing to stop does not leave the others running.
    const steps = [
      ...browsers.map((browser) => () => browser.close()),
      () => api?.stop(),
      () => telegram?.stop(),
      () => database?.drop(),
      () => (dataDir ? rm(dataDir, { recursive: true, force: true }) : undefined),
    ];
    const failures: unknown[] = [];
    for (const step of steps) await Promise.resolve(step()).catch((error: unknown) => failures.push(error));
    browsers.length = 0;
    if (failures.length) throw failures[0];
  });

  const present = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`The test environment has no ${what} (not asked for, or not started yet)`);
    return value;
  };
  return {
    get database() {
      return present(database, 'database');
    },
    get dataDir() {
      return present(dataDir, 'data folder');
    },
    get api() {
      return present(api, 'API');
    },
    get baseUrl() {
      return present(api, 'API').baseUrl;
    },
    get telegram() {
      return present(telegram, 'Bot API double (telegram: true)');
    },
    get browser() {
      return present(browsers[0], 'browser (browser: true)');
    },
    get browsers() {
      return browsers;
    },
  };
}

/** Until /api/health reports the bot as polling. */
async function waitForPolling(api: ApiProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    last = await fetch(`${api.baseUrl}/api/health`)
      .then((response) => response.json())
      .catch((error: unknown) => String(error));
    const state = (last as { info?: { telegram?: { state?: string } } })?.info?.telegram?.state;
    if (state === 'polling') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`The bot did not start polling within ${timeoutMs} ms; last health: ${JSON.stringify(last)}`);
}
