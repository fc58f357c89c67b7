import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { AppConfig } from './app-config';
import { EnvironmentError, validateEnvironment } from './environment';

describe(validateEnvironment.name, () => {
  it('applies the documented defaults to an empty environment', () => {
    const env = validateEnvironment({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.TELEGRAM_BOT_TOKEN).toBeUndefined();
  });

  it('treats empty values as unset, as in a .env file with blank lines', () => {
    expect(validateEnvironment({ DATABASE_URL: '', TELEGRAM_BOT_TOKEN: '' }).DATABASE_URL).toBeUndefined();
  });

  it('starts from .env.example copied to .env as it is: every blank value is unset', () => {
    const example = parseEnv(readFileSync(resolve(__dirname, '../../../../.env.example'), 'utf8'));
    expect(Object.keys(example)).toEqual(expect.arrayContaining(['DEMO_DATA', 'LOG_FORMAT', 'TELEGRAM_BOT_TOKEN']));
    const env = validateEnvironment(example);
    expect(env.DEMO_DATA).toBeUndefined();
    expect(env.PORT).toBe(3000);
  });

  it('reads booleans the way people write them', () => {
    expect(validateEnvironment({ DEMO_DATA: 'false' }).DEMO_DATA).toBe(false);
    expect(validateEnvironment({ DEMO_DATA: 'yes' }).DEMO_DATA).toBe(true);
  });

  it('accepts PORT=0, any free port', () => {
    expect(validateEnvironment({ PORT: '0' }).PORT).toBe(0);
  });

  it('lists every invalid variable at once', () => {
    expect(() => validateEnvironment({ PORT: '-1', DATABASE_URL: 'mysql://db' })).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(/PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/),
      }),
    );
  });

  it('requires JWT_SECRET in production', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'production' })).toThrow(EnvironmentError);
    expect(() =>
      validateEnvironment({ NODE_ENV: 'production', JWT_SECRET: 'a-secret-that-is-long-enough-for-hs256!' }),
    ).not.toThrow();
  });

  it('takes SESSION_MAX_AGE_DAYS from 1 to 365 days', () => {
    expect(validateEnvironment({ SESSION_MAX_AGE_DAYS: '7' }).SESSION_MAX_AGE_DAYS).toBe(7);
    expect(() => validateEnvironment({ SESSION_MAX_AGE_DAYS: '0' })).toThrow(/SESSION_MAX_AGE_DAYS/);
    expect(() => validateEnvironment({ SESSION_MAX_AGE_DAYS: 'a month' })).toThrow(/SESSION_MAX_AGE_DAYS/);
  });

  it('takes MAX_ATTACHMENT_MB from 1 to 100 MB', () => {
    expect(validateEnvironment({ MAX_ATTACHMENT_MB: '5' }).MAX_ATTACHMENT_MB).toBe(5);
    for (const wrong of ['0', '101', '1.5', 'big']) {
      expect(() => validateEnvironment({ MAX_ATTACHMENT_MB: wrong })).toThrow(/MAX_ATTACHMENT_MB/);
    }
  });

  it('reads TELEGRAM_INIT_DATA_MAX_AGE as seconds or a duration with a unit, from 1 minute to 7 days', () => {
    const maxAge = (value: string) =>
      validateEnvironment({ TELEGRAM_INIT_DATA_MAX_AGE: value }).TELEGRAM_INIT_DATA_MAX_AGE;
    expect(maxAge('3600')).toBe(3600);
    expect(maxAge('90s')).toBe(90);
    expect(maxAge('30m')).toBe(30 * 60);
    expect(maxAge('24h')).toBe(24 * 60 * 60);
    expect(maxAge(' 2H ')).toBe(2 * 60 * 60);
    expect(maxAge('7d')).toBe(7 * 24 * 60 * 60);
    expect(maxAge('60')).toBe(60);
    expect(validateEnvironment({ TELEGRAM_INIT_DATA_MAX_AGE: '' }).TELEGRAM_INIT_DATA_MAX_AGE).toBeUndefined();
    for (const wrong of ['59', '0', '-1h', '8d', '1.5h', '24 hours', 'h', '1w', 'a day', '99999999999']) {
      expect(() => validateEnvironment({ TELEGRAM_INIT_DATA_MAX_AGE: wrong })).toThrow(/TELEGRAM_INIT_DATA_MAX_AGE/);
    }
  });

  it('requires a webhook secret with a webhook URL', () => {
    expect(() => validateEnvironment({ TELEGRAM_WEBHOOK_URL: 'https://example.org/api/telegram/webhook' })).toThrow(
      /TELEGRAM_WEBHOOK_SECRET/,
    );
  });

  it.each([
    ['shorter than 16 characters', 'short-secret_123'.slice(0, 15)],
    ['with characters Telegram refuses', 'a secret with spaces!'],
    ['with a character outside ASCII', 'geheimnis-schlüssel-42'],
    ['longer than 256 characters', 'x'.repeat(257)],
  ])('refuses a webhook secret %s, naming the variable', (_case, secret) => {
    for (const raw of [
      { TELEGRAM_WEBHOOK_URL: 'https://example.org/api/telegram/webhook', TELEGRAM_WEBHOOK_SECRET: secret },
      // Also on its own: a secret waiting for its URL is checked before the day it is used.
      { TELEGRAM_WEBHOOK_SECRET: secret },
    ]) {
      expect(() => validateEnvironment(raw)).toThrow(
        /TELEGRAM_WEBHOOK_SECRET must be 16-256 characters of A-Z, a-z, 0-9, _ and -/,
      );
    }
  });

  it("takes a webhook secret of 16 to 256 characters of Telegram's alphabet", () => {
    for (const secret of ['abcdefghij_-0123', 'A'.repeat(256)]) {
      expect(
        validateEnvironment({
          TELEGRAM_WEBHOOK_URL: 'https://example.org/api/telegram/webhook',
          TELEGRAM_WEBHOOK_SECRET: secret,
        }).TELEGRAM_WEBHOOK_SECRET,
      ).toBe(secret);
    }
  });

  it('reads LOG_FORMAT as pretty or json only', () => {
    expect(validateEnvironment({ LOG_FORMAT: 'json' }).LOG_FORMAT).toBe('json');
    expect(() => validateEnvironment({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT must be pretty or json/);
  });
});

describe(AppConfig.name, () => {
  const config = (raw: Record<string, string>) =>
    new AppConfig(validateEnvironment({ JWT_SECRET: 'a-secret-that-is-long-enough-for-hs256!', ...raw }));

  it('takes files up to 20 MB unless MAX_ATTACHMENT_MB says otherwise', () => {
    expect(config({}).maxAttachmentBytes).toBe(20 * 1024 * 1024);
    expect(config({ MAX_ATTACHMENT_MB: '5' }).maxAttachmentBytes).toBe(5 * 1024 * 1024);
  });

  it('derives the public URL from the port, and prefers PUBLIC_URL over APP_URL', () => {
    expect(config({ PORT: '4000' }).publicUrl).toBe('http://localhost:4000');
    expect(config({ APP_URL: 'https://help.example.org/' }).publicUrl).toBe('https://help.example.org');
    expect(config({ APP_URL: 'https://a.example.org', PUBLIC_URL: 'https://b.example.org' }).publicUrl).toBe(
      'https://b.example.org',
    );
  });

  it('takes Mini App init data up to 24 hours old unless TELEGRAM_INIT_DATA_MAX_AGE says otherwise', () => {
    expect(config({}).telegramInitDataMaxAgeSeconds).toBe(24 * 60 * 60);
    expect(config({ TELEGRAM_INIT_DATA_MAX_AGE: '15m' }).telegramInitDataMaxAgeSeconds).toBe(15 * 60);
  });

  it('keeps a sign-in for 30 days unless SESSION_MAX_AGE_DAYS says otherwise', () => {
    expect(config({}).sessionMaxAgeDays).toBe(30);
    expect(config({ SESSION_MAX_AGE_DAYS: '1' }).sessionMaxAgeDays).toBe(1);
  });

  it('turns demo data on for the embedded database outside production only, unless DEMO_DATA says', () => {
    const external = { DATABASE_URL: 'postgres://deskgram@db.example.org:5432/deskgram' };
    expect(config({}).demoData).toBe(true);
    expect(config(external).demoData).toBe(false);
    expect(config({ ...external, DEMO_DATA: 'true' }).demoData).toBe(true);
    expect(config({ DEMO_DATA: 'false' }).demoData).toBe(false);
    expect(config({ NODE_ENV: 'production' }).demoData).toBe(false);
    expect(config({ NODE_ENV: 'production', DEMO_DATA: 'true' }).demoData).toBe(true);
  });

  it('logs pretty outside production and JSON in production, unless LOG_FORMAT says', () => {
    expect(config({}).logFormat).toBe('pretty');
    expect(config({ NODE_ENV: 'production' }).logFormat).toBe('json');
    expect(config({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(config({ NODE_ENV: 'production', LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
  });

  it('strips the @ from the bot username and defaults the Bot API root', () => {
    const telegram = config({ TELEGRAM_BOT_USERNAME: '@deskgram_bot' }).telegram;
    expect(telegram.username).toBe('deskgram_bot');
    expect(telegram.apiRoot).toBe('https://api.telegram.org/');
  });

  it('keeps the path of a Bot API root, which telegraf would otherwise drop', () => {
    expect(config({ TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/telegram' }).telegram.apiRoot).toBe(
      'http://127.0.0.1:8081/telegram/',
    );
  });

  it('defaults housekeeping and delivery retention, and checks their ranges', () => {
    expect(config({})).toMatchObject({
      deliveryRetentionDays: 90,
      housekeepingIntervalMinutes: 60,
      metricsToken: undefined,
    });
    expect(
      config({ DELIVERY_RETENTION_DAYS: '30', HOUSEKEEPING_INTERVAL_MINUTES: '5', METRICS_TOKEN: 'a'.repeat(16) }),
    ).toMatchObject({ deliveryRetentionDays: 30, housekeepingIntervalMinutes: 5, metricsToken: 'a'.repeat(16) });
    expect(() =>
      validateEnvironment({
        DELIVERY_RETENTION_DAYS: '0',
        HOUSEKEEPING_INTERVAL_MINUTES: 'hourly',
        METRICS_TOKEN: 'short',
      }),
    ).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(
          /DELIVERY_RETENTION_DAYS must be[\s\S]*HOUSEKEEPING_INTERVAL_MINUTES must be[\s\S]*METRICS_TOKEN must be/,
        ),
      }),
    );
  });
});
