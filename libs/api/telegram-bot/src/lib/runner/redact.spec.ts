import { TelegramError } from 'telegraf';
import { describeTelegramError, redactToken } from './redact';

const TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';

describe('token redaction', () => {
  it('takes every occurrence of the token out of a text', () => {
    expect(redactToken(`request to https://api.telegram.org/bot${TOKEN}/getMe and bot${TOKEN}`, TOKEN)).toBe(
      'request to https://api.telegram.org/bot<token>/getMe and bot<token>',
    );
    expect(redactToken('nothing to hide', undefined)).toBe('nothing to hide');
  });

  it('describes network errors without the token and Telegram errors by code and description', () => {
    const network = new TypeError(`fetch failed: https://api.telegram.org/bot${TOKEN}/sendMessage`);
    expect(describeTelegramError(network, TOKEN)).toBe(
      'TypeError: fetch failed: https://api.telegram.org/bot<token>/sendMessage',
    );
    const telegram = new TelegramError({ error_code: 429, description: 'Too Many Requests: retry after 3' });
    expect(describeTelegramError(telegram, TOKEN)).toBe('429 Too Many Requests: retry after 3');
  });
});
