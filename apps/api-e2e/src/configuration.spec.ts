import { API_MAIN } from '@deskgram/testing/harness';
import { spawnSync } from 'node:child_process';

/** Invalid values stop the start with a message that names the variable (docs/api.md, "Configuration"). */
// No useTestEnvironment: each test starts the API with a bad environment and expects it to refuse to start.
describe('configuration at start', () => {
  const start = (env: Record<string, string>) =>
    spawnSync(process.execPath, [API_MAIN], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: '-1' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'DATABASE_URL'],
    [{ DEMO_DATA: 'maybe' }, 'DEMO_DATA'],
    [{ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL'],
    [{ TELEGRAM_BOT_TOKEN: 'nonsense' }, 'TELEGRAM_BOT_TOKEN'],
    [{ TELEGRAM_WEBHOOK_URL: 'https://example.org/hook' }, 'TELEGRAM_WEBHOOK_SECRET'],
    [
      { TELEGRAM_WEBHOOK_URL: 'https://example.org/hook', TELEGRAM_WEBHOOK_SECRET: 'too-short' },
      'TELEGRAM_WEBHOOK_SECRET',
    ],
    [{ TELEGRAM_WEBHOOK_SECRET: 'not allowed: spaces and colons' }, 'TELEGRAM_WEBHOOK_SECRET'],
    [{ TELEGRAM_INIT_DATA_MAX_AGE: 'a day' }, 'TELEGRAM_INIT_DATA_MAX_AGE'],
    [{ TELEGRAM_INIT_DATA_MAX_AGE: '10s' }, 'TELEGRAM_INIT_DATA_MAX_AGE'],
    [{ LOG_FORMAT: 'xml' }, 'LOG_FORMAT'],
    [{ NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@127.0.0.1:1/db' }, 'JWT_SECRET'],
    [{ ADMIN_EMAIL: 'admin@example.org' }, 'ADMIN_PASSWORD'],
  ])('refuses %j and names %s', (env, variable) => {
    const result = start(env);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toContain(variable);
  });
});
