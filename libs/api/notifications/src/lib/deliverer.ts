import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import {
  AdvisoryLock,
  deliveriesCounter,
  type DeliveryOutcome,
  telegramRateLimitedCounter,
} from '@deskgram/api/common';
import { SingleActiveWorker, type WorkerLease, type WorkerState, workerConnection } from '@deskgram/api/database';
import { type InlineKeyboard, TelegramBotRunner } from '@deskgram/api/telegram-bot';
import { TelegramLinksService } from '@deskgram/api/telegram-links';
import { AttachmentStorage, readUpTo } from '@deskgram/api/tickets';
import { Input, type Telegram, TelegramError } from 'telegraf';
import { DataSource } from 'typeorm';
import { claimStatement, untilClaimableStatement } from './delivery-queue.sql';
import { DELIVERIES_CHANNEL } from './notification-queue';

export const DELIVERER_OPTIONS = Symbol('DELIVERER_OPTIONS');

export interface DelivererOptions {
  /**
   * Telegram allows about one message a second to one chat (and about 30 a second in all, a pace the bot runner
   * keeps for every message the process sends: TelegramBotOptions.messagesPerSecond). Measured from the answer to
   * the chat's previous request: Telegram counted that one at some moment before it answered.
   */
  perChatIntervalMs: number;
  /** How often a standby (or cut off) deliverer tries to take the lock; 2 s when unset. */
  workerRetryMs?: number;
}

/** `off`: no bot is configured, so nothing is ever queued or sent. */
export type DelivererState = WorkerState | 'off';

export interface QueueStats {
  /** Deliveries `pending` or `sending`. */
  queueDepth: number;
  /** Age of the oldest delivery that is due and waiting, in seconds; 0 when none is. */
  oldestDueAgeSeconds: number;
}

interface Claimed {
  id: string;
  chat_id: string;
  recipient_id: string;
  text: string;
  reply_markup: InlineKeyboard | null;
  attachment_id: string | null;
  attempts: number;
}

/** What became of one attempt, kept in memory until the database has it. */
type Outcome =
  | { kind: 'sent'; messageId: number }
  | { kind: 'retry'; ms: number; reason: string }
  | { kind: 'final'; status: 'failed' | 'cancelled'; reason: string }
  /** Not attempted (the lock was lost first): back in the queue at once, the attempt not counted. */
  | { kind: 'release' };

/** When nothing is due and no NOTIFY came, look again after this long anyway. */
const IDLE_POLL_MS = 5_000;
/** How far back `untilClaimable` looks for heads that fell due (or were held by another transaction) just now. */
const RECENTLY_DUE_MS = 1_000;
const SEND_TIMEOUT_MS = 15_000;
const MAX_BACKOFF_S = 300;
/** After this many failed attempts (about a day of backing off) a delivery is given up as failed. */
const MAX_ATTEMPTS = 300;
const BATCH = 100;
/**
 * Claimed rows wait in the bot's pace (30 a second): a few seconds' worth is enough to keep it busy. A deep queue
 * stays `pending` in the database meanwhile, where a staff retry, a disconnect or another replica sees it.
 */
const MAX_IN_FLIGHT = 2 * BATCH;
/**
 * Telegram counts a chat's messages as they arrive, in a sliding second. The interval runs from the answer to the
 * chat's previous message (which arrived before it was answered), plus this much for the two sides' clocks.
 */
const PER_CHAT_MARGIN_MS = 10;
/** What Telegram takes from a bot: 50 MB a file, 10 MB a photo, shown as a photo only in these types. */
const TELEGRAM_UPLOAD_LIMIT = 50 * 1024 * 1024;
const TELEGRAM_PHOTO_LIMIT = 10 * 1024 * 1024;
const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

class LockLost extends Error {}

/** A ticket message's file, as the deliverer sends it. */
interface DeliveredFile {
  fileName: string;
  contentType: string;
  data: Buffer;
}

/**
 * Sends queued deliveries (docs/architecture.md, "The way a notification travels"). One process of the cluster
 * delivers at a time, the holder of an advisory lock (a SingleActiveWorker); it claims the oldest due delivery of
 * each chat with `FOR UPDATE SKIP LOCKED`, so a chat's messages leave in order, is woken by NOTIFY at commit, and
 * sends in the bot runner's pace (`paced()`: at most 30 in any second overall, shared with the bot's replies, and
 * one a second per chat, counted from each request's start until after its answer, since Telegram counts it on
 * arrival somewhere in between). Telegram's answer decides each row's fate.
 *
 * At-least-once: a message is sent again only when the process dies between Telegram's answer and the commit of
 * `sent`. When only the database is away, the answer is kept in memory and recorded before anything else of the
 * deliverer's happens (and before rows left `sending` are put back in the queue), so nothing is sent twice.
 */
@Injectable()
export class Deliverer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(Deliverer.name);
  private readonly worker: SingleActiveWorker;
  private readonly perChatIntervalMs: number;
  private readonly inFlight = new Set<Promise<void>>();
  /** Outcomes Telegram (or the link) decided that the database does not have yet, by delivery id. */
  private readonly unrecorded = new Map<string, Outcome>();
  private started = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly bot: TelegramBotRunner,
    private readonly links: TelegramLinksService,
    private readonly storage: AttachmentStorage,
    @Inject(DELIVERER_OPTIONS) options: DelivererOptions,
  ) {
    this.perChatIntervalMs = options.perChatIntervalMs;
    this.worker = new SingleActiveWorker({
      name: 'deliverer',
      key: AdvisoryLock.Deliverer,
      connection: workerConnection(dataSource),
      channels: [DELIVERIES_CHANNEL],
      retryMs: options.workerRetryMs,
      // A turn fails while the database does; once it is back, messages should not wait long.
      maxBackoffMs: 10_000,
      onAcquired: () => this.takeOver(),
      body: (lease) => this.turn(lease),
      beforeRelease: () => this.settleInFlight(),
    });
  }

  /** Whether this process is the cluster's deliverer right now. */
  get active(): boolean {
    return this.worker.active;
  }

  get state(): DelivererState {
    return this.started ? this.worker.state : 'off';
  }

  onApplicationBootstrap(): void {
    // Without a bot nothing can be sent, and the listeners queue nothing.
    if (!this.bot.telegraf) return;
    this.started = true;
    this.worker.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker.stop();
  }

  /** How long the queue is, for health and metrics. */
  async queueStats(): Promise<QueueStats> {
    const [row]: Array<{ depth: number; oldest: number | null }> = await this.dataSource.query(
      `SELECT count(*)::int AS depth,
              EXTRACT(EPOCH FROM now() - min(created_at) FILTER (WHERE status = 'pending' AND next_attempt_at <= now()))::float8 AS oldest
         FROM notification_deliveries WHERE status IN ('pending', 'sending')`,
    );
    return { queueDepth: row?.depth ?? 0, oldestDueAgeSeconds: Math.max(0, Math.round(row?.oldest ?? 0)) };
  }

  /**
   * On taking the lock: first what this process knows and the database does not (so a message Telegram accepted
   * is not sent again), then rows a dead or cut-off deliverer left mid-send: Telegram may or may not have them, and
   * sending again is the safe side.
   */
  private async takeOver(): Promise<void> {
    await this.recordUnrecorded();
    const [, reset]: [unknown, number] = await this.dataSource.query(
      `UPDATE notification_deliveries SET status = 'pending', updated_at = now() WHERE status = 'sending'`,
    );
    this.logger.log(`This process delivers notifications${reset ? ` (${reset} left mid-send are queued again)` : ''}`);
  }

  /**
   * One turn: record what is owed, claim what is due, then sleep until something can be claimed or a NOTIFY. With
   * enough in flight already it only waits for a send to finish (each one wakes the worker).
   */
  private async turn(lease: WorkerLease): Promise<void> {
    await this.recordUnrecorded();
    if (this.inFlight.size > MAX_IN_FLIGHT - BATCH) {
      await lease.sleep(IDLE_POLL_MS);
      return;
    }
    const claimed = await this.claim();
    for (const delivery of claimed) this.dispatch(delivery, lease);
    if (claimed.length === BATCH) return;
    await lease.sleep(await this.untilClaimable());
  }

  /** The lock is going: let the sends under way finish (or hand their rows back) before it is released. */
  private async settleInFlight(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  /** The oldest due delivery of every chat that has nothing in flight, marked `sending` (`claimStatement`). */
  private async claim(): Promise<Claimed[]> {
    const [rows]: [Claimed[], number] = await this.dataSource.query(claimStatement(BATCH));
    return rows;
  }

  /**
   * How long until the head of some chat with nothing in flight is due. A chat whose head waits (a back-off, a
   * 429's retry_after) holds its later messages back, so those do not count: they cannot be claimed before it.
   * Asked right after a claim that took every due head it could, so only heads due from a moment ago on matter
   * (one that fell due meanwhile, or one another transaction held); the rows due long ago are the blocked ones,
   * and a deep queue has many. A NOTIFY wakes the deliverer for anything new.
   */
  private async untilClaimable(): Promise<number> {
    const [row]: Array<{ ms: number | null }> = await this.dataSource.query(untilClaimableStatement(RECENTLY_DUE_MS));
    // Due now yet not claimed means another transaction holds the row for a moment (e.g. a staff retry).
    return row?.ms === null || row?.ms === undefined ? IDLE_POLL_MS : Math.min(Math.max(row.ms, 50), IDLE_POLL_MS);
  }

  /**
   * Sends one claimed row. No queue of the deliverer's own: a chat has one row in flight at a time (the claim sees
   * to it), and the bot runner's pacer spaces the requests, overall and per chat, at the moment they leave.
   */
  private dispatch(delivery: Claimed, lease: WorkerLease): void {
    const job = this.deliver(delivery, lease)
      .catch((error: unknown) => {
        this.logger.error(`Delivery ${delivery.id} failed unexpectedly: ${this.bot.redact(String(error))}`);
      })
      .finally(() => {
        this.inFlight.delete(job);
        this.worker.wake();
      });
    this.inFlight.add(job);
  }

  private async deliver(delivery: Claimed, lease: WorkerLease): Promise<void> {
    let outcome: Outcome;
    try {
      outcome = await this.attempt(delivery, lease);
    } catch (error) {
      // The database failed before Telegram was asked (reading the link): nothing was sent, try again later.
      outcome = this.backoff(delivery, `Could not prepare the message: ${this.describe(error)}`);
    }
    const counted: Record<Outcome['kind'], DeliveryOutcome | undefined> = {
      sent: 'sent',
      retry: 'retried',
      final: undefined,
      release: undefined,
    };
    const label = outcome.kind === 'final' ? outcome.status : counted[outcome.kind];
    if (label) deliveriesCounter.inc({ outcome: label });
    await this.record(delivery.id, outcome);
  }

  private async attempt(delivery: Claimed, lease: WorkerLease): Promise<Outcome> {
    if (!lease.active) return { kind: 'release' };
    const link = await this.links.linkOf(delivery.recipient_id);
    if (!link || link.chatId !== delivery.chat_id || link.state !== 'connected') {
      return {
        kind: 'final',
        status: 'cancelled',
        reason: link?.state === 'blocked' ? 'The bot is blocked by the user' : 'Telegram was disconnected',
      };
    }
    const telegram = this.bot.telegraf?.telegram;
    if (!telegram) return { kind: 'release' };
    const file = delivery.attachment_id ? await this.file(delivery.attachment_id) : null;
    if (file === 'gone') return { kind: 'final', status: 'cancelled', reason: 'The file is no longer there' };
    if (file === 'too_large') {
      return { kind: 'final', status: 'failed', reason: 'The file is larger than the 50 MB Telegram takes from bots' };
    }
    try {
      // The pace applies to the call itself, not to the database work before it: requests reach Telegram spread out
      // and never more than it counts in a second, and a chat's requests at least the interval apart.
      const chat = { key: delivery.chat_id, intervalMs: this.perChatIntervalMs + PER_CHAT_MARGIN_MS };
      const message = await this.bot.paced(() => {
        // Another replica may hold the lock by now and send this row itself.
        if (!lease.active) throw new LockLost();
        const options = { signal: AbortSignal.timeout(SEND_TIMEOUT_MS) as never };
        if (file) return this.sendFile(telegram, delivery, file, options);
        return telegram.callApi(
          'sendMessage',
          {
            chat_id: delivery.chat_id,
            text: delivery.text,
            parse_mode: 'HTML',
            link_preview_options: { is_disabled: true },
            ...(delivery.reply_markup ? { reply_markup: delivery.reply_markup } : {}),
          },
          options,
        );
      }, chat);
      return { kind: 'sent', messageId: message.message_id };
    } catch (error) {
      if (error instanceof LockLost) return { kind: 'release' };
      return this.failed(delivery, error);
    }
  }

  /** A file's name, type and bytes; a file over Telegram's upload limit is not read at all. */
  private async file(id: string): Promise<DeliveredFile | 'gone' | 'too_large'> {
    const [row]: Array<{ file_name: string; content_type: string; size: number }> = await this.dataSource.query(
      'SELECT file_name, content_type, size FROM ticket_attachments WHERE id = $1',
      [id],
    );
    if (row && row.size > TELEGRAM_UPLOAD_LIMIT) return 'too_large';
    const content = row ? await this.storage.get(id) : null;
    if (!row || !content) return 'gone';
    const data = await readUpTo(content, TELEGRAM_UPLOAD_LIMIT);
    return data ? { fileName: row.file_name, contentType: row.content_type, data } : 'too_large';
  }

  /**
   * An image Telegram can show goes as a photo; anything else, or an image Telegram refuses to process, as a
   * document, so that the file arrives either way.
   */
  private async sendFile(
    telegram: Telegram,
    delivery: Claimed,
    file: DeliveredFile,
    options: { signal: never },
  ): Promise<{ message_id: number }> {
    const common = { chat_id: delivery.chat_id, caption: delivery.text || undefined, parse_mode: 'HTML' as const };
    if (PHOTO_TYPES.has(file.contentType) && file.data.length <= TELEGRAM_PHOTO_LIMIT) {
      try {
        return await telegram.callApi(
          'sendPhoto',
          { ...common, photo: Input.fromBuffer(file.data, file.fileName) },
          options,
        );
      } catch (error) {
        if (!(error instanceof TelegramError) || error.code !== 400) throw error;
      }
    }
    return telegram.callApi(
      'sendDocument',
      { ...common, document: Input.fromBuffer(file.data, file.fileName) },
      options,
    );
  }

  /** Telegram's answer decides: wait and retry, retry with backoff, or give up with the reason. */
  private async failed(delivery: Claimed, error: unknown): Promise<Outcome> {
    if (error instanceof TelegramError) {
      const reason = `${error.code} ${error.description}`;
      if (error.code === 429) {
        telegramRateLimitedCounter.inc();
        const wait = Math.max(1, error.parameters?.retry_after ?? 1);
        return { kind: 'retry', ms: wait * 1000, reason };
      }
      if (error.code === 403) {
        await this.links.markChatBlocked(delivery.chat_id).catch((failure: unknown) => {
          this.logger.warn(`Could not mark a chat blocked: ${this.describe(failure)}`);
        });
        return { kind: 'final', status: 'failed', reason };
      }
      // 5xx is Telegram's trouble; 401/404 mean the bot token is being fixed: neither is this message's fault.
      if (error.code < 500 && error.code !== 401 && error.code !== 404)
        return { kind: 'final', status: 'failed', reason };
      return this.backoff(delivery, reason);
    }
    return this.backoff(delivery, this.describe(error));
  }

  private backoff(delivery: Claimed, reason: string): Outcome {
    if (delivery.attempts >= MAX_ATTEMPTS) return { kind: 'final', status: 'failed', reason: `Gave up: ${reason}` };
    // 1 s, 2 s, 4 s ... up to 5 minutes, with jitter so that many failed rows do not retry in lockstep.
    const seconds = Math.min(MAX_BACKOFF_S, 2 ** Math.min(delivery.attempts - 1, 16));
    return { kind: 'retry', ms: seconds * 1000 * (0.8 + Math.random() * 0.4), reason };
  }

  /** Writes an outcome; when the database fails, keeps it for the next turn (the row stays `sending` meanwhile). */
  private async record(id: string, outcome: Outcome): Promise<void> {
    try {
      await this.write(id, outcome);
      this.unrecorded.delete(id);
    } catch (error) {
      this.unrecorded.set(id, outcome);
      this.logger.warn(`Delivery ${id} (${outcome.kind}) is not recorded yet: ${this.describe(error)}`);
    }
  }

  /** Everything owed to the database, oldest first; throws (ending the turn) while the database fails. */
  private async recordUnrecorded(): Promise<void> {
    for (const [id, outcome] of [...this.unrecorded]) {
      await this.write(id, outcome);
      this.unrecorded.delete(id);
    }
  }

  private async write(id: string, outcome: Outcome): Promise<void> {
    switch (outcome.kind) {
      case 'sent':
        // `pending` too: a deliverer that took over may have put it back in the queue but not sent it yet.
        // One statement: the sent mark and the ticket of the message (for replies to it) are written together.
        await this.dataSource.query(
          `WITH sent AS (
             UPDATE notification_deliveries
                SET status = 'sent', sent_at = now(), telegram_message_id = $2, last_error = NULL, updated_at = now()
              WHERE id = $1 AND status IN ('sending', 'pending')
          RETURNING chat_id, recipient_id, ticket_id)
           INSERT INTO telegram_ticket_messages (chat_id, message_id, user_id, ticket_id)
           SELECT sent.chat_id, $2, sent.recipient_id, sent.ticket_id FROM sent
             JOIN tickets ON tickets.id = sent.ticket_id
           ON CONFLICT (chat_id, message_id) DO NOTHING`,
          [id, outcome.messageId],
        );
        return;
      case 'retry':
        await this.dataSource.query(
          `UPDATE notification_deliveries
              SET status = 'pending', next_attempt_at = now() + make_interval(secs => $2::double precision / 1000),
                  last_error = $3, updated_at = now()
            WHERE id = $1 AND status = 'sending'`,
          [id, Math.round(outcome.ms), this.clip(outcome.reason)],
        );
        return;
      case 'final':
        await this.dataSource.query(
          `UPDATE notification_deliveries SET status = $2, last_error = $3, updated_at = now()
            WHERE id = $1 AND status = 'sending'`,
          [id, outcome.status, this.clip(outcome.reason)],
        );
        return;
      case 'release':
        await this.dataSource.query(
          `UPDATE notification_deliveries SET status = 'pending', attempts = GREATEST(attempts - 1, 0), updated_at = now()
            WHERE id = $1 AND status = 'sending'`,
          [id],
        );
        return;
    }
  }

  private describe(error: unknown): string {
    return this.bot.describe(error);
  }

  /** Network errors carry the request URL, and with it the bot token. */
  private clip(reason: string): string {
    return this.bot.redact(reason).slice(0, 1000);
  }
}
