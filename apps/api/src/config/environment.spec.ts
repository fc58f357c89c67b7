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

  it('reads booleans the way people write them', () => {
    expect(validateEnvironment({ DEMO_DATA: 'false' }).DEMO_DATA).toBe(false);
    expect(validateEnvironment({ DEMO_DATA: 'yes' }).DEMO_DATA).toBe(true);
  });

  it('lists every invalid variable at once', () => {
    expect(() => validateEnvironment({ PORT: '0', DATABASE_URL: 'mysql://db' })).toThrow(
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

  it('requires a webhook secret with a webhook URL', () => {
    expect(() => validateEnvironment({ TELEGRAM_WEBHOOK_URL: 'https://example.org/api/telegram/webhook' })).toThrow(
      /TELEGRAM_WEBHOOK_SECRET/,
    );
  });
});

describe(AppConfig.name, () => {
  const config = (raw: Record<string, string>) =>
    new AppConfig(validateEnvironment({ JWT_SECRET: 'a-secret-that-is-long-enough-for-hs256!', ...raw }));

  it('derives the public URL from the port, and prefers PUBLIC_URL over APP_URL', () => {
    expect(config({ PORT: '4000' }).publicUrl).toBe('http://localhost:4000');
    expect(config({ APP_URL: 'https://help.example.org/' }).publicUrl).toBe('https://help.example.org');
    expect(config({ APP_URL: 'https://a.example.org', PUBLIC_URL: 'https://b.example.org' }).publicUrl).toBe(
      'https://b.example.org',
    );
  });

  it('keeps a sign-in for 30 days unless SESSION_MAX_AGE_DAYS says otherwise', () => {
    expect(config({}).sessionMaxAgeDays).toBe(30);
    expect(config({ SESSION_MAX_AGE_DAYS: '1' }).sessionMaxAgeDays).toBe(1);
  });

  it('turns demo data on outside production only', () => {
    expect(config({}).demoData).toBe(true);
    expect(config({ NODE_ENV: 'production' }).demoData).toBe(false);
    expect(config({ NODE_ENV: 'production', DEMO_DATA: 'true' }).demoData).toBe(true);
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
});
