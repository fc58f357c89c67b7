import { sign } from '@telegram-apps/init-data-node';
import { type Page } from 'playwright-core';
import { eventually } from '@deskgram/testing/harness';
import { becomeTelegram, DARK_THEME, deliver, launchUrl, LIGHT_THEME, rgb, waitForPosted } from './support/mini-app';
import { portalWithTelegram } from './support/portal-with-telegram';

/** The Bot API double's token, which the harness gives the API as TELEGRAM_BOT_TOKEN (portal-with-telegram.ts). */
const BOT_TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';

/**
 * The portal opened inside Telegram as a Mini App, on the built API with its demo data and the Bot API double: the
 * page gets what Telegram's Android client gives it (the launch parameters in the address, `TelegramWebviewProxy` for
 * its calls, `Telegram.WebView.receiveEvent` for Telegram's events) and signs in with init data signed with the bot's
 * token, for a Telegram account linked to Anna (Northwind, a demo client) the way a person links it.
 */
describe('the portal as a Telegram Mini App', () => {
  const portal = portalWithTelegram();
  const { login, apiCall, startToken } = portal;

  it("opens signed in with Telegram's colours; Back goes back; the Main button sends a reply; the theme follows Telegram", async () => {
    // Anna links her Telegram: the portal's one-time link, then Start in Telegram.
    const anna = await login('anna@northwind.example');
    const link = await apiCall<{ url: string }>(anna, 'POST', '/api/telegram/client/generate-link');
    const annaInTelegram = portal.double.person({ firstName: 'Anna', username: 'anna_app', languageCode: 'en' });
    await portal.double.pressStart(annaInTelegram, startToken(link.url));
    await portal.double.waitForMessage(annaInTelegram, (message) => message.text.startsWith('✅ Telegram'));
    const ticket = await apiCall<{ id: string; number: string }>(anna, 'POST', '/api/tickets', {
      subject: 'The label printer jams',
      body: 'Every third label jams since this morning.',
    });

    const initData = sign(
      {
        query_id: 'AAHdF6IQAAAAAN0XohDhrOrc',
        user: { id: annaInTelegram.id, first_name: 'Anna', username: 'anna_app', language_code: 'en' },
      },
      BOT_TOKEN,
      new Date(),
    );
    const page: Page = await portal.clientBrowser.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setViewportSize({ width: 390, height: 844 });
    await becomeTelegram(page, LIGHT_THEME);

    await page.goto(launchUrl(portal.api.baseUrl, initData, LIGHT_THEME));

    // Signed in, on the client dashboard, painted with Telegram's colours; Telegram was told the page is ready.
    await page.getByRole('heading', { name: 'Hello, Anna' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/client');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      rgb(LIGHT_THEME['secondary_bg_color']),
    );
    expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe(rgb(LIGHT_THEME['text_color']));
    await waitForPosted(page, 'web_app_ready');
    await waitForPosted(page, 'web_app_set_header_color', (data) => data?.['color'] === LIGHT_THEME['header_bg_color']);

    // An inner page shows Telegram's Back button; pressing it comes back.
    await page.getByRole('link', { name: new RegExp(ticket.number) }).click();
    await page.getByRole('heading', { name: 'The label printer jams' }).waitFor();
    await waitForPosted(page, 'web_app_setup_back_button', (data) => data?.['is_visible'] === true);
    await deliver(page, 'back_button_pressed');
    await page.getByRole('heading', { name: 'Hello, Anna' }).waitFor();
    await waitForPosted(page, 'web_app_setup_back_button', (data) => data?.['is_visible'] === false);

    // In the thread, Telegram's Main button sends the reply once there is text.
    await page.getByRole('link', { name: new RegExp(ticket.number) }).click();
    await page.getByRole('heading', { name: 'The label printer jams' }).waitFor();
    await waitForPosted(page, 'web_app_setup_main_button', (data) => data?.['is_visible'] === true);
    const reply = 'It jams only with the new roll.';
    await page.getByRole('textbox', { name: 'Reply' }).fill(reply);
    await waitForPosted(
      page,
      'web_app_setup_main_button',
      (data) => data?.['is_active'] === true && data?.['text'] === 'Send',
    );
    await deliver(page, 'main_button_pressed');
    await page.locator('.message .body', { hasText: reply }).waitFor();
    await waitForPosted(page, 'web_app_trigger_haptic_feedback', (data) => data?.['notification_type'] === 'success');

    // Telegram switches to its dark theme: the page follows at once.
    await deliver(page, 'theme_changed', { theme_params: DARK_THEME });
    await eventually(async () =>
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
        rgb(DARK_THEME['secondary_bg_color']),
      ),
    );
    await waitForPosted(page, 'web_app_set_header_color', (data) => data?.['color'] === DARK_THEME['header_bg_color']);

    const thread = await apiCall<{ messages: { body: string }[] }>(anna, 'GET', `/api/tickets/${ticket.id}`);
    expect(thread.messages.map((message) => message.body)).toContain(reply);

    expect(errors).toEqual([]);
    await page.close();
  });
});
