import { type Page } from 'playwright-core';
import { portalWithTelegram } from './support/portal-with-telegram';

/**
 * Connecting Telegram from the portal's card, on the built API with its demo data and a Bot API double in place of
 * Telegram: the person scans (here: reads) the link, presses Start in Telegram, and the card notices by itself.
 */
describe('telegram', () => {
  const portal = portalWithTelegram();
  const { login, apiCall, signedInPage, startToken } = portal;

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
    const person = portal.double.person({ firstName, username, languageCode: 'en' });
    await portal.double.pressStart(person, startToken(href ?? ''));
    await portal.double.waitForMessage(person);
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
    const page = await signedInPage(portal.clientBrowser, 'anna@northwind.example');
    await page.goto(`${portal.api.baseUrl}/client`);
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
    const page = await signedInPage(portal.agentBrowser, 'agent@deskgram.example');
    await page.goto(`${portal.api.baseUrl}/profile`);
    await page.getByRole('heading', { name: 'Telegram' }).waitFor();

    await connectThroughTheCard(page, 'sam_agent', 'Sam');
    await disconnectThroughTheCard(page);

    // Anna connects her Telegram, through the API and Telegram.
    const anna = await login('anna@northwind.example');
    const link = await apiCall<{ url: string }>(anna, 'POST', '/api/telegram/client/generate-link');
    const annaInTelegram = portal.double.person({ firstName: 'Anna', username: 'anna_h', languageCode: 'en' });
    await portal.double.pressStart(annaInTelegram, startToken(link.url));
    await portal.double.waitForMessage(annaInTelegram);

    const agent = await login('agent@deskgram.example');
    const clients = await apiCall<{ items: { id: string; name: string }[] }>(
      agent,
      'GET',
      '/api/clients?search=Northwind',
    );
    const northwind = clients.items.find((client) => client.name === 'Northwind Trading');
    expect(northwind).toBeDefined();

    await page.goto(`${portal.api.baseUrl}/staff/clients/${northwind?.id}`);
    const annaOnThePage = page.locator('.user', { hasText: 'anna@northwind.example' });
    await annaOnThePage.locator('.user-telegram', { hasText: /^\s*Telegram: @anna_h, since / }).waitFor();
    await page.close();
  });
});
