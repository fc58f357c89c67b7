import { parseHtml } from '@deskgram/testing/telegram-bot-api';
import { formatDate, localMoney, renderMessage, TELEGRAM_MESSAGE_LIMIT, visibleLength } from './render';

describe(renderMessage.name, () => {
  const reply = (body: string, subject = 'Printer') =>
    renderMessage('en', {
      template: 'ticketReply',
      values: { who: 'Anna', number: 'T-1042', subject },
      body,
      link: { url: 'https://help.example.org/client/tickets/1?a=1&b=2', label: 'Open the ticket' },
    });

  it('escapes every value, so user text shows as written and the markup stays valid', () => {
    const message = reply('if a < b && c > d', '<b>x</b> & <script>');
    const parsed = parseHtml(message);
    expect(parsed.text).toContain('T-1042 · <b>x</b> & <script>');
    expect(parsed.text).toContain('if a < b && c > d');
    expect(parsed.entities).toContainEqual(
      expect.objectContaining({ type: 'text_link', url: 'https://help.example.org/client/tickets/1?a=1&b=2' }),
    );
  });

  it('shortens a long body so the message fits in 4096 characters, keeping the link', () => {
    const message = reply('<&>'.repeat(3000));
    const parsed = parseHtml(message);
    expect(parsed.text.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
    expect(parsed.text.length).toBeGreaterThan(TELEGRAM_MESSAGE_LIMIT - 10);
    expect(parsed.text).toContain('…');
    expect(parsed.text.endsWith('Open the ticket')).toBe(true);
    expect(visibleLength(message)).toBe(parsed.text.length);
  });

  it('counts characters outside the basic plane as Telegram does (two UTF-16 units)', () => {
    const parsed = parseHtml(reply('😀'.repeat(3000)));
    expect(parsed.text.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
    expect(parsed.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/); // no broken surrogate pair
  });

  it('leaves a message that fits as it is', () => {
    expect(parseHtml(reply('Short')).text).toContain('Short\n\nOpen the ticket');
  });
});

describe('formatting', () => {
  it('formats money exactly from its decimal string, in the reader’s language', () => {
    expect(localMoney('en', '221.50', 'EUR')).toBe('€221.50');
    expect(localMoney('en', '12345678901234.10', 'USD')).toBe('US$12,345,678,901,234.10');
    expect(localMoney('ru', '1250.00', 'RUB').replace(/\s/g, ' ')).toBe('1 250,00 ₽');
    expect(localMoney('en', '5', 'JPY')).toBe('JP¥5');
  });

  it('formats due dates without a time zone shift', () => {
    expect(formatDate('en', '2031-03-15')).toBe('15 Mar 2031');
    expect(formatDate('ru', '2031-03-15')).toBe('15 мар. 2031 г.');
  });
});
