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
