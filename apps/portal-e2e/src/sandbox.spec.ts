import { type ApiProcess, type BrowserSession, openBrowser, SANDBOX_MAIN, startApi } from '@deskgram/testing/harness';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { signedInPage } from './support/sessions';

interface Person {
  id: number;
  email: string | null;
}

/**
 * The Telegram sandbox as a newcomer uses it: the portal in one tab, the sandbox's phones in another. A client opens
 * a ticket in the portal, the agent's phone receives it, the agent answers it there with Reply, and the client's
 * thread in the portal shows the answer. Its own setup rather than useTestEnvironment: the sandbox runs its own
 * embedded database and plays Telegram itself.
 */
describe('the Telegram sandbox in the browser', () => {
  let dataDir: string;
  let sandbox: ApiProcess;
  let browser: BrowserSession;
  let people: Person[];
  const errors: string[] = [];

  const personId = (email: string) => {
    const person = people.find((candidate) => candidate.email === email);
    if (!person) throw new Error(`No sandbox person for ${email}`);
    return person.id;
  };

  /** A page that fails the test on any error the page itself reports. */
  function watch(page: Page): Page {
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
    });
    return page;
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'deskgram-sandbox-browser-'));
    await chmod(dataDir, 0o755);
    sandbox = await startApi({ main: SANDBOX_MAIN, env: { DATA_DIR: dataDir }, timeoutMs: 180_000 });
    people = (await (await fetch(`${sandbox.baseUrl}/sandbox/api/state`)).json()).people;
    browser = await openBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await sandbox?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  afterEach(() => {
    expect(errors).toEqual([]);
  });

  it('carries a ticket from the portal to the agent’s phone, and the agent’s answer from the phone to the thread', async () => {
    const subject = 'The printer prints blank pages';
    const portal = watch(await signedInPage(sandbox.baseUrl, browser, 'anna@northwind.example'));
    await portal.goto(`${sandbox.baseUrl}/client/tickets`);
    await portal.getByRole('link', { name: 'New ticket' }).first().click();
    await portal.getByLabel('Subject', { exact: true }).fill(subject);
    await portal.getByLabel('Description', { exact: true }).fill('Since this morning every page comes out empty.');
    await portal.getByRole('button', { name: 'Open ticket' }).click();
    await portal.getByRole('heading', { name: subject }).waitFor();
    const threadUrl = portal.url();

    // The sandbox, focused on the agent's phone: the notification arrives there by itself.
    const agent = personId('agent@deskgram.example');
    const phones = watch(await browser.browser.newPage());
    await phones.goto(`${sandbox.baseUrl}/sandbox/?chat=${agent}`);
    const phone = phones.locator(`#phone-${agent}`);
    const notification = phone.locator('dg-message-bubble', { hasText: subject });
    await notification.waitFor();
    await notification.getByRole('button', { name: 'Take' }).waitFor();

    // The agent answers with Reply, as in Telegram.
    await notification.hover();
    await notification.getByRole('button', { name: 'Reply' }).click();
    const answer = 'Please check the toner cartridge; a new one is on its way.';
    const composer = phone.getByRole('textbox', { name: 'Message' });
    await composer.fill(answer);
    await composer.press('Enter');
    await phone.locator('dg-message-bubble', { hasText: answer }).first().waitFor();
    // The bot confirms in the phone, quoting the answer, as it does in Telegram.
    const confirmation = phone.locator('dg-message-bubble', { hasText: 'Added to' });
    await confirmation.waitFor();
    expect(await confirmation.locator('.quote-text').textContent()).toContain(answer);

    // The client's thread in the portal shows the answer, marked as written in Telegram.
    await portal.goto(threadUrl);
    const message = portal.locator('li.message', { hasText: answer });
    await message.waitFor();
    expect((await message.locator('.author').textContent())?.trim()).toBe('Sam Rivera');
    expect((await message.getByTestId('via-telegram').textContent())?.trim()).toBe('via Telegram');

    // And the client's own phone heard it.
    const anna = phones.locator(`#phone-${personId('anna@northwind.example')}`);
    await anna.locator('dg-message-bubble', { hasText: answer }).waitFor();

    const screenshots = process.env['SCREENSHOTS'];
    if (screenshots) {
      for (const language of ['en', 'ru']) {
        for (const [width, height] of [
          [1440, 900],
          [390, 844],
        ]) {
          const shot = watch(await browser.browser.newPage());
          await shot.addInitScript((lang) => window.localStorage.setItem('deskgram.lang', lang), language);
          await shot.setViewportSize({ width, height });
          const who = language === 'ru' ? personId('olga@deskgram.example') : agent;
          await shot.goto(`${sandbox.baseUrl}/sandbox/?chat=${who}`);
          await shot.locator(`#phone-${who} dg-message-bubble`, { hasText: subject }).first().waitFor();
          await shot.screenshot({ path: `${screenshots}-sandbox-${width}-${language}.png` });
          await shot.close();
        }
      }
    }
    await phones.close();
    await portal.close();
  });

  it('opens the portal in a phone as a Mini App, signed in as that person, with Telegram’s Back and Main buttons', async () => {
    const anna = personId('anna@northwind.example');
    const phones = watch(await browser.browser.newPage());
    // In English, whatever language an earlier page of this browser chose (the page and the portal share the key).
    await phones.addInitScript(() => window.localStorage.setItem('deskgram.lang', 'en'));
    await phones.setViewportSize({ width: 1440, height: 900 });
    await phones.goto(`${sandbox.baseUrl}/sandbox/?chat=${anna}`);
    const phone = phones.locator(`#phone-${anna}`);
    // The bot's menu button beside the message field, as Telegram shows a Mini App's.
    await phone.getByRole('button', { name: 'Open the portal (Mini App)' }).click();
    const app = phone.frameLocator('iframe');
    await app.getByRole('heading', { name: 'Hello, Anna' }).waitFor();

    // An inner page: the phone's bar shows Telegram's Back button, which the portal asked for.
    await app
      .getByRole('link', { name: /The printer prints blank pages/ })
      .first()
      .click();
    await app.getByRole('heading', { name: 'The printer prints blank pages' }).waitFor();
    const answer = 'Thank you, the new cartridge works.';
    await app.getByRole('textbox', { name: 'Reply' }).fill(answer);
    // The Main button the portal set up sends the reply.
    await phone.locator('.main-button', { hasText: 'Send' }).click();
    await app.locator('li.message', { hasText: answer }).waitFor();
    await phone.getByRole('button', { name: 'Back' }).click();
    await app.getByRole('heading', { name: 'Hello, Anna' }).waitFor();

    const screenshots = process.env['SCREENSHOTS'];
    if (screenshots) await phone.screenshot({ path: `${screenshots}-sandbox-mini-app.png` });
    await phones.close();
  });
});
