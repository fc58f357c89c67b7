import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  Optional,
} from '@nestjs/common';
import { AdvisoryLock } from '@deskgram/api/common';
import { SessionLock } from '@deskgram/api/database';
import { InjectBot } from 'nestjs-telegraf';
import { type Telegraf, TelegramError } from 'telegraf';
import { DataSource } from 'typeorm';
import { TELEGRAM_LINK_OPTIONS, type TelegramLinkOptions } from '../telegram-link.options';

const LOCK_RETRY_MS = 5_000;
const CONFLICT_RETRY_MS = 10_000;
const MAX_BACKOFF_MS = 60_000;
const ALLOWED_UPDATES = ['message', 'my_chat_member', 'callback_query'] as const;

export type BotState =
  /** No token: Telegram is off, everything else works. */
  | 'not_configured'
  | 'starting'
  /** This replica holds the poller lock and long-polls. */
  | 'polling'
  /** Another replica polls; this one takes over when that one dies. */
  | 'standby'
  | 'webhook'
  | 'unauthorized'
  | 'conflict'
  | 'unreachable';

export interface BotStatus {
  configured: boolean;
  mode: 'polling' | 'webhook' | null;
  state: BotState;
  /** Whether the bot works (or is deliberately off); false names a problem in `message`. */
  healthy: boolean;
  username: string | null;
  message?: string;
}

/**
 * Starts the bot and keeps the process alive whatever Telegram answers. nestjs-telegraf would call `bot.launch()`
 * without catching it, so a wrong token (401) or a second poller (409) would end the process; it is configured with
 * `launchOptions: false` and this runner launches instead. In polling mode only the holder of a PostgreSQL advisory
 * lock polls; in webhook mode every replica takes updates at `/api/telegram/webhook`.
 */
@Injectable()
export class TelegramBotRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(TelegramBotRunner.name);
  private current: BotStatus;
  private stopping = false;
  private readonly lock: SessionLock;
  private running?: Promise<void>;
  private sleeper?: { timer: NodeJS.Timeout; wake: () => void };

  constructor(
    @Inject(TELEGRAM_LINK_OPTIONS) private readonly options: TelegramLinkOptions,
    dataSource: DataSource,
    @Optional() @InjectBot() private readonly bot?: Telegraf,
  ) {
    this.lock = new SessionLock(dataSource, AdvisoryLock.TelegramPoller);
    const configured = Boolean(options.token && bot);
    this.current = {
      configured,
      mode: configured ? (options.webhookUrl ? 'webhook' : 'polling') : null,
      state: configured ? 'starting' : 'not_configured',
      healthy: true,
      username: options.username ?? null,
    };
    if (bot) {
      // nestjs-telegraf stops the bot at shutdown, and telegraf throws when it never polled (webhook mode, a standby
      // replica, a rejected token); that throw would turn a clean shutdown into a failed one.
      const stop = bot.stop.bind(bot);
      bot.stop = (reason?: string) => {
        try {
          stop(reason);
        } catch {
          // The bot was not running: nothing to stop.
        }
      };
      bot.catch((error) => {
        this.logger.error(`Handling a Telegram update failed: ${this.describe(error)}`);
      });
    }
  }

  get status(): BotStatus {
    return { ...this.current };
  }

  /** The bot, when it is configured and Telegram accepted its token. */
  get telegraf(): Telegraf | undefined {
    return this.bot;
  }

  get webhookSecret(): string | undefined {
    return this.options.webhookSecret;
  }

  onApplicationBootstrap(): void {
    if (!this.bot) {
      this.logger.log('Telegram is not configured (TELEGRAM_BOT_TOKEN is unset)');
      return;
    }
    this.running = this.run(this.bot).catch((error: unknown) => {
      this.set('unreachable', `The bot stopped: ${this.describe(error)}`);
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.sleeper) {
      clearTimeout(this.sleeper.timer);
      this.sleeper.wake();
    }
    if (this.current.state === 'polling') this.bot?.stop('shutdown');
    await this.running;
    await this.releaseLock();
  }

  private async run(bot: Telegraf): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      try {
        if (!bot.botInfo) {
          bot.botInfo = await bot.telegram.getMe();
          this.current.username = this.options.username ?? bot.botInfo.username;
          await this.registerCommands(bot);
        }
        if (this.options.webhookUrl) {
          await bot.telegram.setWebhook(this.options.webhookUrl, {
            secret_token: this.options.webhookSecret,
            allowed_updates: [...ALLOWED_UPDATES],
          });
          this.set('webhook');
          return;
        }
        if (!(await this.takeLock())) {
          this.set('standby');
          await this.sleep(LOCK_RETRY_MS);
          continue;
        }
        // Resolves when polling stops; rejects on 401, 409 and errors telegraf does not retry itself.
        await bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] }, () => this.set('polling'));
        failures = 0;
      } catch (error) {
        if (this.stopping) return;
        const code = error instanceof TelegramError ? error.code : undefined;
        if (code === 401 || code === 404) {
          // Telegram answers 404 to a token it does not know at all; neither fixes itself without a new token.
          this.set(
            'unauthorized',
            'Telegram rejected TELEGRAM_BOT_TOKEN (401 Unauthorized): check the token from @BotFather',
          );
          await this.releaseLock();
          return;
        }
        if (code === 409) {
          this.set(
            'conflict',
            'Another program receives this bot’s updates (409 Conflict): stop it, or set TELEGRAM_WEBHOOK_URL on every replica',
          );
          await this.sleep(CONFLICT_RETRY_MS);
          continue;
        }
        failures += 1;
        const delay = Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** Math.min(failures, 6));
        this.set(
          'unreachable',
          `Cannot reach the Bot API: ${this.describe(error)}; retrying in ${Math.round(delay / 1000)} s`,
        );
        await this.sleep(delay);
      }
    }
  }

  private async registerCommands(bot: Telegraf): Promise<void> {
    const commands = {
      en: [
        { command: 'status', description: 'Which Deskgram account is connected' },
        { command: 'stop', description: 'Disconnect and stop notifications' },
        { command: 'help', description: 'How to connect' },
      ],
      ru: [
        { command: 'status', description: 'Какой аккаунт Deskgram подключён' },
        { command: 'stop', description: 'Отключить уведомления' },
        { command: 'help', description: 'Как подключиться' },
      ],
    };
    try {
      await bot.telegram.setMyCommands(commands.en);
      await bot.telegram.setMyCommands(commands.ru, { language_code: 'ru' });
    } catch (error) {
      // The menu is a convenience; the commands work without it.
      this.logger.warn(`Could not register the bot's command menu: ${this.describe(error)}`);
    }
  }

  private async takeLock(): Promise<boolean> {
    try {
      return await this.lock.tryAcquire();
    } catch (error) {
      this.logger.warn(`Could not ask for the poller lock: ${this.describe(error)}`);
      await this.releaseLock();
      return false;
    }
  }

  private async releaseLock(): Promise<void> {
    await this.lock.release();
  }

  private set(state: BotState, message?: string): void {
    const healthy = !['unauthorized', 'conflict', 'unreachable'].includes(state);
    const changed = this.current.state !== state || this.current.message !== message;
    this.current = { ...this.current, state, healthy, message };
    if (!changed) return;
    if (healthy)
      this.logger.log(`Telegram bot: ${state}${this.current.username ? ` as @${this.current.username}` : ''}`);
    else this.logger.error(`Telegram bot: ${message ?? state}`);
  }

  /** An error in words, without the bot token that telegraf's network errors carry in the URL. */
  private describe(error: unknown): string {
    const text =
      error instanceof TelegramError
        ? `${error.code} ${error.description}`
        : error instanceof Error
          ? error.message
          : String(error);
    return this.options.token ? text.split(this.options.token).join('<token>') : text;
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.sleeper = undefined;
        resolve();
      }, ms);
      this.sleeper = { timer, wake: resolve };
    });
  }
}
