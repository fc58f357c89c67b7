import { type BrowserSession } from '@deskgram/testing/harness';
import { type Page } from 'playwright-core';

/** The key under which the portal keeps the signed-in session (libs/portal/auth, AuthStore). */
export const SESSION_STORAGE_KEY = 'deskgram.session';

/** The demo accounts' password (apps/api/src/demo). */
export const DEMO_PASSWORD = 'deskgram-demo';

/**
 * A page signed in as a demo account: the session the API hands out for `email`, put where the portal keeps it
 * before the portal starts.
 */
export async function signedInPage(baseUrl: string, browser: BrowserSession, email: string): Promise<Page> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(response.status).toBe(200);
  const session: unknown = await response.json();
  const page = await browser.browser.newPage();
  await page.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [
    SESSION_STORAGE_KEY,
    JSON.stringify(session),
  ] as const);
  return page;
}
