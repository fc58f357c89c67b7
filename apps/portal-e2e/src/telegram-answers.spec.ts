import { portalWithTelegram } from './support/portal-with-telegram';

/**
 * Answering from Telegram as the client sees it in the portal: a staff member replies to a notification in
 * Telegram, and the answer appears in the client's thread, marked as written in Telegram.
 */
describe('answers from Telegram', () => {
  const portal = portalWithTelegram();
  const { login, apiCall, signedInPage, startToken } = portal;

  it('shows a staff answer sent from Telegram in the client’s thread, marked as from Telegram', async () => {
    // The agent connects Telegram; Anna opens a ticket in the portal's API.
    const agent = await login('agent@deskgram.example');
    const link = await apiCall<{ url: string }>(agent, 'POST', '/api/telegram/user/generate-link');
    const samInTelegram = portal.double.person({ firstName: 'Sam', languageCode: 'en' });
    await portal.double.pressStart(samInTelegram, startToken(link.url));
    await portal.double.waitForMessage(samInTelegram, (message) => message.text.startsWith('✅ Telegram'));
    const anna = await login('anna@northwind.example');
    const ticket = await apiCall<{ id: string; number: string }>(anna, 'POST', '/api/tickets', {
      subject: 'The scanner is offline',
      body: 'Since Monday the scanner on floor 2 shows no network.',
    });

    // In Telegram, the agent replies to the notification.
    const notification = await portal.double.waitForMessage(samInTelegram, (message) =>
      message.text.includes(ticket.number),
    );
    const answer = 'Restarting the switch on floor 2 should bring it back. Please try again in ten minutes.';
    const reply = await portal.double.replyTo(samInTelegram, notification, answer);
    const confirmation = await portal.double.waitForMessage(
      samInTelegram,
      (message) => message.replyToMessageId === reply.message?.message_id,
    );
    expect(confirmation.text).toBe(`✅ Added to ${ticket.number}.`);

    // In the portal, Anna sees it in her thread, from Sam, marked as sent from Telegram.
    const page = await signedInPage(portal.clientBrowser, 'anna@northwind.example');
    await page.goto(`${portal.api.baseUrl}/client/tickets/${ticket.id}`);
    const message = page.locator('li.message', { hasText: answer });
    await message.waitFor();
    expect((await message.locator('.author').textContent())?.trim()).toBe('Sam Rivera');
    expect((await message.getByTestId('via-telegram').textContent())?.trim()).toBe('via Telegram');
    // Anna's own description, written in the portal, carries no such mark.
    const description = page.locator('li.message', { hasText: 'Since Monday' });
    expect(await description.getByTestId('via-telegram').count()).toBe(0);
    const screenshots = process.env['SCREENSHOTS'];
    if (screenshots) {
      await page.screenshot({ path: `${screenshots}-1280.png`, fullPage: true });
      const phone = await signedInPage(portal.clientBrowser, 'anna@northwind.example');
      await phone.setViewportSize({ width: 360, height: 760 });
      await phone.goto(`${portal.api.baseUrl}/client/tickets/${ticket.id}`);
      await phone.locator('li.message', { hasText: answer }).waitFor();
      await phone.screenshot({ path: `${screenshots}-360.png`, fullPage: true });
      await phone.close();
    }
    await page.close();
  });
});
