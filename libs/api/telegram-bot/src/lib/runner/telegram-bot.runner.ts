import { miniAppUrl, portalButtonsAllowed } from '../conversation/keyboards';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  Optional,
} from '@nestjs/common';
import { AdvisoryLock } from '@deskgram/api/common';
import { SingleActiveWorker, type WorkerLease, workerConnection } from '@deskgram/api/database';
import { InjectBot } from 'nestjs-telegraf';
import { type Telegraf, TelegramError } from 'telegraf';
import { DataSource } from 'typeorm';
import { TELEGRAM_BOT_OPTIONS, type TelegramBotOptions } from '../telegram-bot.options';
import { describeTelegramError, redactToken } from './redact';
import { type ChatPace, SendPacer } from './send-pacer';

const CONFLICT_RETRY_MS = 10_000;
const MAX_BACKOFF_MS = 60_000;
const ALLOWED_UPDATES = ['message', 'my_chat_member', 'callback_query'] as const;
/** A reply waits out at most this much of Telegram's flood control; a longer wait is not worth a stale answer. */
const MAX_REPLY_WAIT_MS = 15_000;
const MAX_REPLY_ATTEMPTS = 4;
/**
 * Telegram counts a bot's messages in any sliding second as they arrive. The pacer counts each request from its
 * start until this long after its answer (it arrived at some moment in between), so that jitter on the way cannot
 * bunch more than `messagesPerSecond` into Telegram's second. The 5 ms are for the two sides' clocks (the other side
 * may count in whole milliseconds).
 */
const PACE_WINDOW_MS = 1_005;
/** The least gap between two messages, as a share of the even gap: spread out, yet the window sets the pace. */
const PACE_SPACING = 0.95;

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
  private readonly poller: SingleActiveWorker;
  private running?: Promise<void>;
  private pollFailures = 0;
  private sleeper?: { timer: NodeJS.Timeout; wake: () => void };
  /** Every message this process sends (replies and notifications) takes its turn here. */
  private readonly outbound: SendPacer;

  constructor(
    @Inject(TELEGRAM_BOT_OPTIONS) private readonly options: TelegramBotOptions,
    dataSource: DataSource,
    @Optional() @InjectBot() private readonly bot?: Telegraf,
  ) {
    const perSecond = options.messagesPerSecond ?? 30;
    this.outbound = new SendPacer({
      limit: perSecond,
      windowMs: PACE_WINDOW_MS,
      spacingMs: (PACE_SPACING * PACE_WINDOW_MS) / perSecond,
    });
    this.poller = new SingleActiveWorker({
      name: 'Telegram poller',
      key: AdvisoryLock.TelegramPoller,
      connection: workerConnection(dataSource),
      retryMs: options.workerRetryMs,
      body: (lease) => this.poll(lease),
      onStateChange: (state) => {
        // While another replica polls, or the database is away (no lock, so no polling), this one stands by.
        if (state !== 'active' && ['starting', 'polling'].includes(this.current.state)) this.set('standby');
      },
    });
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
    await this.running;
    await this.poller.stop();
    this.outbound.stop();
  }

  /**
   * Runs one call that sends a message in this process's overall pace, under Telegram's limit of about 30 messages
   * a second for a bot: the bot's replies and the deliverer's notifications share it, so that neither pushes the
   * other into Telegram's flood control. Each call counts from its start until a second after its answer (Telegram
   * counted it somewhere in between); with `chat`, the call also starts no sooner than `chat.intervalMs` after the
   * previous call given the same chat was answered.
   */
  paced<T>(call: () => Promise<T>, chat?: ChatPace): Promise<T> {
    return this.outbound.schedule(call, chat);
  }

  /**
   * Answers in a chat, paced like every message; when Telegram's flood control (429) or a server error (5xx) turns
   * the message away it is tried again after the wait Telegram names, so that a reply is not lost to a busy moment.
   * Errors that are the message's own (400, 403) are not retried.
   */
  async reply(chatId: number, html: string, extra: Record<string, unknown> = {}): Promise<{ message_id: number }> {
    const telegram = this.bot?.telegram;
    if (!telegram) throw new Error('The bot is not configured');
    let waited = 0;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.paced(() =>
          telegram.sendMessage(chatId, html, {
            parse_mode: 'HTML',
            link_preview_options: { is_disabled: true },
            ...extra,
          }),
        );
      } catch (error) {
        const code = error instanceof TelegramError ? error.code : undefined;
        const retryable = code === 429 || (code !== undefined && code >= 500);
        const wait =
          code === 429 ? Math.max(1, (error as TelegramError).parameters?.retry_after ?? 1) * 1000 : 1000 * attempt;
        if (!retryable || attempt >= MAX_REPLY_ATTEMPTS || waited + wait > MAX_REPLY_WAIT_MS || this.stopping) {
          throw error;
        }
        waited += wait;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  /** The poller's lock: `active` while this replica polls (or tries to), `down` when the database is away. */
  get pollerState(): SingleActiveWorker['state'] {
    return this.poller.state;
  }

  /** A text without the bot token, e.g. an error's message before it is logged or stored. */
  redact(text: string): string {
    return redactToken(text, this.options.token);
  }

  /** Until the bot knows who it is (and, with a webhook, has registered it); then polling is the worker's. */
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
        this.set('standby');
        this.poller.start();
        return;
      } catch (error) {
        if (this.stopping) return;
        if (this.rejectedToken(error)) return;
        failures += 1;
        await this.sleep(this.unreachable(error, failures));
      }
    }
  }

  /**
   * One turn of the poller while this replica holds the lock: long-polls until polling stops. Losing the lock (or
   * stopping) stops polling, so that two replicas never poll at once.
   */
  private async poll(lease: WorkerLease): Promise<void> {
    const bot = this.bot;
    if (!bot) return;
    let again: NodeJS.Timeout | undefined;
    const stopPolling = () => {
      bot.stop('lost the poller lock');
      // Lost while telegraf was still between getMe and its first getUpdates: there was no polling to stop yet, so
      // stop it as soon as there is (launch returns once it has stopped).
      again ??= setInterval(() => bot.stop('lost the poller lock'), 200);
    };
    lease.signal.addEventListener('abort', stopPolling, { once: true });
    try {
      // Resolves when polling stops; rejects on 401, 409 and errors telegraf does not retry itself.
      await bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] }, () => {
        if (lease.active) this.set('polling');
        else stopPolling();
      });
      this.pollFailures = 0;
    } catch (error) {
      if (!lease.active) return;
      if (this.rejectedToken(error)) {
        // Nothing polls until the token is fixed and the app restarted; another replica has the same token.
        // Not awaited: stopping waits for this very turn to end.
        void this.poller.stop();
        return;
      }
      const code = error instanceof TelegramError ? error.code : undefined;
      if (code === 409) {
        this.set(
          'conflict',
          'Another program receives this bot’s updates (409 Conflict): stop it, or set TELEGRAM_WEBHOOK_URL on every replica',
        );
        await lease.sleep(CONFLICT_RETRY_MS);
        return;
      }
      this.pollFailures += 1;
      await lease.sleep(this.unreachable(error, this.pollFailures));
    } finally {
      clearInterval(again);
      lease.signal.removeEventListener('abort', stopPolling);
      if (!lease.active && this.current.state === 'polling') this.set('standby');
    }
  }

  /** 401, or 404 (Telegram's answer to a token it does not know at all): neither fixes itself without a new token. */
  private rejectedToken(error: unknown): boolean {
    const code = error instanceof TelegramError ? error.code : undefined;
    if (code !== 401 && code !== 404) return false;
    this.set(
      'unauthorized',
      'Telegram rejected TELEGRAM_BOT_TOKEN (401 Unauthorized): check the token from @BotFather',
    );
    return true;
  }

  /** Records that the Bot API cannot be reached; answers how long to wait before the next try. */
  private unreachable(error: unknown, failures: number): number {
    const delay = Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** Math.min(failures, 6));
    this.set(
      'unreachable',
      `Cannot reach the Bot API: ${this.describe(error)}; retrying in ${Math.round(delay / 1000)} s`,
    );
    return delay;
  }

  private async registerCommands(bot: Telegraf): Promise<void> {
    const commands = {
      en: [
        { command: 'tickets', description: 'Your open tickets' },
        { command: 'new', description: 'Open a ticket: /new and the text' },
        { command: 'note', description: 'Staff: reply to a notification with an internal note' },
        { command: 'status', description: 'Which Deskgram account is connected' },
        { command: 'stop', description: 'Disconnect and stop notifications' },
        { command: 'help', description: 'How to connect and answer' },
      ],
      ru: [
        { command: 'tickets', description: 'Ваши открытые заявки' },
        { command: 'new', description: 'Открыть заявку: /new и текст' },
        { command: 'note', description: 'Сотрудникам: внутренняя заметка в ответ на уведомление' },
        { command: 'status', description: 'Какой аккаунт Deskgram подключён' },
        { command: 'stop', description: 'Отключить уведомления' },
        { command: 'help', description: 'Как подключиться и отвечать' },
      ],
    };
    try {
      await bot.telegram.setMyCommands(commands.en);
      await bot.telegram.setMyCommands(commands.ru, { language_code: 'ru' });
    } catch (error) {
      // The menu is a convenience; the commands work without it.
      this.logger.warn(`Could not register the bot's command menu: ${this.describe(error)}`);
    }
    await this.registerMenuButton(bot);
  }

  /**
   * With an https portal, the menu button beside the message field opens it as a Mini App; otherwise the default
   * (the commands), which also undoes a Mini App button set while the address was https. Telegram refuses a Mini App
   * anywhere but https.
   */
  private async registerMenuButton(bot: Telegraf): Promise<void> {
    const menuButton = portalButtonsAllowed(this.options.publicUrl)
      ? { type: 'web_app' as const, text: 'Deskgram', web_app: { url: miniAppUrl(this.options.publicUrl) } }
      : { type: 'default' as const };
    try {
      await bot.telegram.setChatMenuButton({ menuButton });
    } catch (error) {
      this.logger.warn(`Could not set the bot's menu button: ${this.describe(error)}`);
    }
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
  describe(error: unknown): string {
    return describeTelegramError(error, this.options.token);
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
