/**
 * `npm run sandbox`: Deskgram with Telegram played in the same process. The Bot API double (the one the tests use:
 * flood limits and 429s, Telegram's HTML rules, long polling) stands in for api.telegram.org, the demo people start
 * linked to it, and `/sandbox` shows each one's chat with the bot. A separate bundle (`dist/apps/sandbox`): the
 * production build never contains it.
 */
import { TelegramLinksService } from '@deskgram/api/telegram-links';
import { TelegramBotApiDouble } from '@deskgram/testing/telegram-bot-api';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfigOrExit, serve } from '../serve';
import { linkDemoPeople, personForToken } from './sandbox-people';
import { sandboxRoutes } from './sandbox-routes';
import { SandboxTelegram } from './sandbox-telegram';

async function main(): Promise<void> {
  if (process.env['NODE_ENV'] === 'production') {
    process.stderr.write('The sandbox plays Telegram with demo data: it never runs with NODE_ENV=production\n');
    process.exit(1);
  }
  const double = new TelegramBotApiDouble({ username: 'deskgram_sandbox_bot', firstName: 'Deskgram' });
  await double.start();

  // Its own data under DATA_DIR/sandbox, fresh at every start: Telegram's side lives in memory only, so the
  // database must not remember links to chats that are gone. A variable set blank counts as unset, and .env never
  // overrides one that is set, so these win over .env.
  const dataDir = join(resolve(process.env['DATA_DIR'] || '.data'), 'sandbox');
  rmSync(dataDir, { recursive: true, force: true });
  Object.assign(process.env, {
    NODE_ENV: process.env['NODE_ENV'] || 'development',
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    DEMO_DATA: 'true',
    TELEGRAM_BOT_TOKEN: double.token,
    TELEGRAM_API_ROOT: double.url,
    TELEGRAM_BOT_USERNAME: '',
    TELEGRAM_WEBHOOK_URL: '',
    TELEGRAM_WEBHOOK_SECRET: '',
  });
  const config = loadConfigOrExit();
  let origin = config.publicUrl;
  const explicitOrigin = Boolean(process.env['PUBLIC_URL'] || process.env['APP_URL']);
  // The portal's Connect link opens the person's chat here, with Start pressed, instead of t.me.
  config.telegram.startLink = (token) => `${origin}/sandbox/start?start=${token}`;

  const telegram = new SandboxTelegram(double);
  await serve(config, {
    beforePortal: (app) => {
      app.use(
        '/sandbox',
        sandboxRoutes({
          telegram,
          pageDir: join(__dirname, '..', 'sandbox-web', 'browser'),
          startWithToken: (token) => personForToken(app, telegram, token),
        }),
      );
    },
    afterListen: async (app, port) => {
      if (!explicitOrigin) origin = `http://localhost:${port}`;
      await linkDemoPeople(app, telegram, app.get(TelegramLinksService));
      process.stdout.write(`\nSandbox: ${origin}/sandbox (the portal: ${origin}/)\n\n`);
    },
  });
  const stopDouble = () => void double.stop();
  process.once('exit', stopDouble);
}

void main();
