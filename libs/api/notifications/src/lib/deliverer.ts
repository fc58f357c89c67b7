import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AdvisoryLock } from '@deskgram/api/common';
import { SessionLock } from '@deskgram/api/database';
import { TelegramBotRunner, TelegramLinksService } from '@deskgram/api/telegram-link';
import Bottleneck from 'bottleneck';
import { TelegramError } from 'telegraf';
import { DataSource } from 'typeorm';
import { DELIVERIES_CHANNEL } from './notification-queue';

export const DELIVERER_OPTIONS = Symbol('DELIVERER_OPTIONS');

export interface DelivererOptions {
  /** Telegram allows about 30 messages a second in all... */
  messagesPerSecond: number;
  /** ...and about one a second to one chat. */
  perChatIntervalMs: number;
}

interface Claimed {
  id: string;
  chat_id: string;
  recipient_id: string;
  text: string;
  attempts: number;
}

const LOCK_RETRY_MS = 2_000;
/** When nothing is due and no NOTIFY came, look again after this long anyway. */
const IDLE_POLL_MS = 5_000;
const SEND_TIMEOUT_MS = 15_000;
const MAX_BACKOFF_S = 300;
/** After this many failed attempts (about a day of backing off) a delivery is given up as failed. */
const MAX_ATTEMPTS = 300;
const BATCH = 100;

/**
 * Sends queued deliveries (docs/architecture.md, "The way a notification travels"). One process of the cluster
 * delivers at a time, the holder of an advisory lock; it claims the oldest due delivery of each chat with
 * `FOR UPDATE SKIP LOCKED`, so a chat's messages leave in order, is woken by NOTIFY at commit, and paces itself
 * with Bottleneck under Telegram's limits. Telegram's answer decides each row's fate.
 *
 * At-least-once: a message is sent again only when the process dies between Telegram's answer and the commit of
 * `sent` (the row is still `sending` and is retried by the next deliverer).
 */
@Injectable()
export class Deliverer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(Deliverer.name);
  private readonly lock: SessionLock;
  private readonly pace: Bottleneck;
  private readonly chats: Bottleneck.Group;
  private readonly inFlight = new Set<Promise<void>>();
  private stopping = false;
  private loop?: Promise<void>;
  private waker?: () => void;
  private poked = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly bot: TelegramBotRunner,
    private readonly links: TelegramLinksService,
    @Inject(DELIVERER_OPTIONS) options: DelivererOptions,
  ) {
    this.lock = new SessionLock(dataSource, AdvisoryLock.Deliverer);
    this.pace = new Bottleneck({ minTime: Math.ceil(1000 / options.messagesPerSecond) });
    this.chats = new Bottleneck.Group({ maxConcurrent: 1, minTime: options.perChatIntervalMs });
  }

  /** Whether this process is the cluster's deliverer right now. */
  get active(): boolean {
    return this.lock.isHeld;
  }

  onApplicationBootstrap(): void {
    // Without a bot nothing can be sent, and the listeners queue nothing.
    if (!this.bot.telegraf) return;
    this.loop = this.run().catch((error: unknown) => this.logger.error(`The deliverer stopped: ${String(error)}`));
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    this.poke();
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
    await this.pace.stop({ dropWaitingJobs: true }).catch(() => undefined);
    await this.lock.release();
  }

  private poke(): void {
    this.poked = true;
    this.waker?.();
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      if (!(await this.lock.tryAcquire().catch(() => false))) {
        await this.sleep(LOCK_RETRY_MS);
        continue;
      }
      this.logger.log('This process delivers notifications');
      await this.lock.query(`LISTEN ${DELIVERIES_CHANNEL}`);
      this.lock.connection?.on('notification', () => this.poke());
      // Rows a dead deliverer left mid-send: Telegram may or may not have them; sending again is the safe side.
      await this.dataSource.query(
        `UPDATE notification_deliveries SET status = 'pending', updated_at = now() WHERE status = 'sending'`,
      );
      while (!this.stopping && this.lock.isHeld) {
        this.poked = false;
        const claimed = await this.claim().catch((error: unknown) => {
          this.logger.warn(`Could not claim deliveries: ${String(error)}`);
          return [] as Claimed[];
        });
        for (const delivery of claimed) this.dispatch(delivery);
        if (claimed.length === BATCH || this.poked) continue;
        await this.sleep(await this.untilNextDue());
      }
      if (!this.stopping) {
        this.logger.warn('Lost the deliverer lock (database connection); trying to take it again');
        await this.lock.release();
      }
    }
  }

  /** The oldest due delivery of every chat that has nothing in flight, marked `sending`. */
  private async claim(): Promise<Claimed[]> {
    const [rows]: [Claimed[], number] = await this.dataSource.query(
      `UPDATE notification_deliveries d
          SET status = 'sending', attempts = d.attempts + 1, updated_at = now()
        WHERE d.id IN (
          SELECT c.id FROM notification_deliveries c
           WHERE c.status = 'pending' AND c.next_attempt_at <= now()
             AND NOT EXISTS (
               SELECT 1 FROM notification_deliveries e
                WHERE e.chat_id = c.chat_id AND e.seq < c.seq AND e.status IN ('pending', 'sending'))
           ORDER BY c.seq
           LIMIT ${BATCH}
           FOR UPDATE SKIP LOCKED)
        RETURNING d.id, d.chat_id, d.recipient_id, d.text, d.attempts`,
    );
    return rows;
  }

  private async untilNextDue(): Promise<number> {
    const [row]: Array<{ ms: number | null }> = await this.dataSource
      .query(
        `SELECT GREATEST(0, EXTRACT(EPOCH FROM (min(next_attempt_at) - now())) * 1000)::int AS ms
           FROM notification_deliveries WHERE status = 'pending'`,
      )
      .catch(() => [{ ms: null }]);
    return row?.ms === null || row?.ms === undefined ? IDLE_POLL_MS : Math.min(Math.max(row.ms, 10), IDLE_POLL_MS);
  }

  private dispatch(delivery: Claimed): void {
    const job = this.chats
      .key(delivery.chat_id)
      .schedule(() => this.send(delivery))
      .catch((error: unknown) => {
        this.logger.error(`Delivery ${delivery.id} could not be recorded: ${String(error)}`);
      })
      .finally(() => {
        this.inFlight.delete(job);
        this.poke();
      });
    this.inFlight.add(job);
  }

  private async send(delivery: Claimed): Promise<void> {
    const link = await this.links.linkOf(delivery.recipient_id);
    if (!link || link.chatId !== delivery.chat_id || link.state !== 'connected') {
      await this.finish(
        delivery.id,
        'cancelled',
        link?.state === 'blocked' ? 'The bot is blocked by the user' : 'Telegram was disconnected',
      );
      return;
    }
    const telegram = this.bot.telegraf?.telegram;
    if (!telegram) return;
    try {
      // The overall pace applies to the call itself, not to the database work before it, so that requests reach
      // Telegram evenly spaced.
      const message = await this.pace.schedule(() =>
        telegram.callApi(
          'sendMessage',
          {
            chat_id: delivery.chat_id,
            text: delivery.text,
            parse_mode: 'HTML',
            link_preview_options: { is_disabled: true },
          },
          { signal: AbortSignal.timeout(SEND_TIMEOUT_MS) as never },
        ),
      );
      await this.dataSource.query(
        `UPDATE notification_deliveries
            SET status = 'sent', sent_at = now(), telegram_message_id = $2, last_error = NULL, updated_at = now()
          WHERE id = $1`,
        [delivery.id, message.message_id],
      );
    } catch (error) {
      await this.failed(delivery, error);
    }
  }

  /** Telegram's answer decides: wait and retry, retry with backoff, or give up with the reason. */
  private async failed(delivery: Claimed, error: unknown): Promise<void> {
    if (error instanceof TelegramError) {
      const reason = `${error.code} ${error.description}`;
      if (error.code === 429) {
        const wait = Math.max(1, error.parameters?.retry_after ?? 1);
        return this.retryIn(delivery.id, wait * 1000, reason);
      }
      if (error.code === 403) {
        await this.links.markChatBlocked(delivery.chat_id);
        return this.finish(delivery.id, 'failed', reason);
      }
      // 5xx is Telegram's trouble; 401/404 mean the bot token is being fixed: neither is this message's fault.
      if (error.code < 500 && error.code !== 401 && error.code !== 404)
        return this.finish(delivery.id, 'failed', reason);
      return this.backoff(delivery, reason);
    }
    return this.backoff(delivery, error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  }

  private backoff(delivery: Claimed, reason: string): Promise<void> {
    if (delivery.attempts >= MAX_ATTEMPTS) return this.finish(delivery.id, 'failed', `Gave up: ${reason}`);
    // 1 s, 2 s, 4 s ... up to 5 minutes, with jitter so that many failed rows do not retry in lockstep.
    const seconds = Math.min(MAX_BACKOFF_S, 2 ** Math.min(delivery.attempts - 1, 16));
    return this.retryIn(delivery.id, seconds * 1000 * (0.8 + Math.random() * 0.4), this.redact(reason));
  }

  private async retryIn(id: string, ms: number, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification_deliveries
          SET status = 'pending', next_attempt_at = now() + make_interval(secs => $2::double precision / 1000),
              last_error = $3,
              updated_at = now()
        WHERE id = $1`,
      [id, Math.round(ms), this.redact(reason)],
    );
  }

  private async finish(id: string, status: 'failed' | 'cancelled', reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification_deliveries SET status = $2, last_error = $3, updated_at = now() WHERE id = $1`,
      [id, status, this.redact(reason)],
    );
  }

  /** Network errors carry the request URL, and with it the bot token. */
  private redact(text: string): string {
    const token = this.bot.telegraf?.telegram.token;
    return (token ? text.split(token).join('<token>') : text).slice(0, 1000);
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopping || this.poked) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.waker = () => {
        this.waker = undefined;
        done();
      };
    });
  }
}
