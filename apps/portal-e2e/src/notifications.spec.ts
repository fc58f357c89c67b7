import { eventually } from '@deskgram/testing/harness';
import { portalWithTelegram } from './support/portal-with-telegram';

/**
 * Telegram notifications as staff and clients handle them in the portal, on the built API with its demo data and a
 * Bot API double in place of Telegram: a message from the client's page that reaches Telegram and shows in the
 * delivery log, and a switch of the preferences that stays as it was left.
 */
describe('notifications', () => {
  const portal = portalWithTelegram();
  const { login, apiCall, signedInPage, startToken } = portal;

  it('staff send a custom message from the client page and it shows in the delivery log as sent', async () => {
    // Anna connects her Telegram, through the API and Telegram.
    const anna = await login('anna@northwind.example');
    const link = await apiCall<{ url: string }>(anna, 'POST', '/api/telegram/client/generate-link');
    const annaInTelegram = portal.double.person({ firstName: 'Anna', username: 'anna_h', languageCode: 'en' });
    await portal.double.pressStart(annaInTelegram, startToken(link.url));
    await portal.double.waitForMessage(annaInTelegram);

    const page = await signedInPage(portal.agentBrowser, 'agent@deskgram.example');
    await page.goto(`${portal.api.baseUrl}/staff/clients`);
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

    const received = await portal.double.waitForMessage(annaInTelegram, (message) => message.text.includes(text));
    expect(received.text).toContain(text);

    // The log records the delivery as sent once Telegram has taken it, which may be a moment after it arrived: wait
    // for that in the API, then the page must show it.
    const agent = await login('agent@deskgram.example');
    await eventually(async () => {
      for (const status of ['pending', 'sending']) {
        const log = await apiCall<{ total: number }>(agent, 'GET', `/api/notifications/deliveries?status=${status}`);
        expect({ status, total: log.total }).toEqual({ status, total: 0 });
      }
    });
    await page.goto(`${portal.api.baseUrl}/staff/deliveries`);
    const row = page.locator('[data-testid="delivery-row"]', { hasText: text });
    const status = row.locator('[data-testid="delivery-status"]');
    await row.waitFor();
    expect((await status.textContent())?.trim()).toBe('Sent');
    await page.close();
  });

  it('a client mutes status changes on the profile, and the switch stays off after a reload', async () => {
    const page = await signedInPage(portal.clientBrowser, 'anna@northwind.example');
    await page.goto(`${portal.api.baseUrl}/profile`);
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
