import { type EventEmitter } from 'node:events';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { type ServerResponse } from 'node:http';
import { ApiError, Described, badRequest, statusTexts, unixTime } from './api-error';
import { boolParam, intParam, stringParam } from './request-params';
import { type Params, type Update } from './types';

/** One POST of an update to the webhook, successful or not. */
export interface WebhookDelivery {
  readonly updateId: number;
  readonly url: string;
  readonly secretToken?: string;
  readonly time: Date;
  /** HTTP status the webhook answered, undefined when the connection failed. */
  readonly status?: number;
  readonly error?: string;
  readonly ok: boolean;
}

interface PendingUpdate {
  update: Update;
  /** Redelivered updates are handed out once more even though their id lies below the confirmed offset. */
  redelivery: boolean;
  handedOut: boolean;
}

interface PendingPoll {
  limit: number;
  finish: (outcome: Update[] | ApiError) => void;
}

interface WebhookConfig {
  url: string;
  secretToken?: string;
  maxConnections: number;
  allowedUpdates?: string[];
}

const defaultAllowedUpdates = (kind: string): boolean =>
  kind !== 'chat_member' && kind !== 'message_reaction' && kind !== 'message_reaction_count';

export interface UpdateDeliveryOptions {
  /** Upper bound for `getUpdates` `timeout`, in seconds. */
  maxPollSeconds: number;
  /** Pause before a failed webhook delivery is retried. */
  webhookRetryDelayMs: number;
  /** How long a webhook POST may take before it counts as failed. */
  webhookTimeoutMs: number;
  /** Where `update` (queued), `handled` (left the queue) and `delivery` (webhook POST done) are emitted. */
  events: EventEmitter;
  /** Runs the method call a bot may put in its answer to a webhook POST. */
  webhookReply: (reply: Params) => Promise<void>;
}

/**
 * The way updates travel to the bot: the queue of pending updates with their ids, `getUpdates` long polling (offset
 * confirmation, 409 for a second poller or an active webhook), webhook delivery one at a time in order with retries
 * and the secret header, and redelivery of an update already handed out.
 */
export class UpdateDelivery {
  private nextUpdateId = 100000001;
  private pending: PendingUpdate[] = [];
  private poll?: PendingPoll;
  private allowedUpdates?: string[];
  private webhook?: WebhookConfig;
  private webhookLastError?: { date: number; message: string };
  private delivering = false;
  private stopped = false;
  private readonly timers = new Set<{ timer: NodeJS.Timeout; wake: () => void }>();
  private readonly webhookRequests = new Set<{ destroy: () => void }>();
  private deliveries: WebhookDelivery[] = [];

  constructor(private readonly options: UpdateDeliveryOptions) {}

  private get events(): EventEmitter {
    return this.options.events;
  }

  /** Delivers again after a `stop()`. */
  start(): void {
    this.stopped = false;
  }

  /** Ends the long poll, webhook retries and webhook requests under way. */
  stop(): void {
    this.stopped = true;
    this.poll?.finish([]);
    this.poll = undefined;
    for (const entry of this.timers) {
      clearTimeout(entry.timer);
      entry.wake();
    }
    this.timers.clear();
    for (const request of this.webhookRequests) request.destroy();
  }

  /** Forgets the record of webhook deliveries. */
  reset(): void {
    this.deliveries = [];
  }

  /** Every webhook POST attempt. */
  get webhookDeliveries(): readonly WebhookDelivery[] {
    return this.deliveries;
  }

  /** Updates not yet confirmed by the bot. */
  get pendingUpdates(): readonly Update[] {
    return this.pending.map((entry) => entry.update);
  }

  /** Whether the update is still waiting for the bot to confirm it. */
  isPending(update: Update): boolean {
    return this.pending.some((entry) => entry.update === update);
  }

  /** The webhook currently set, if any. */
  get webhookUrl(): string | undefined {
    return this.webhook?.url;
  }

  /** Queues an update, giving it the next update_id, and hands it to a waiting poll or the webhook. */
  enqueue(content: Omit<Update, 'update_id'>): Update {
    const update = { update_id: this.nextUpdateId++, ...content } as Update;
    this.pending.push({ update, redelivery: false, handedOut: false });
    this.events.emit('update', update);
    this.dispatchPending();
    return update;
  }

  /** Queues the same update (same update_id) once more, as Telegram does when the bot took too long to confirm it. */
  redeliver(update: Update): Update {
    this.pending.push({ update, redelivery: true, handedOut: false });
    this.pending.sort((a, b) => a.update.update_id - b.update.update_id);
    this.events.emit('update', update);
    this.dispatchPending();
    return update;
  }

  getUpdates(params: Params, response?: ServerResponse): Promise<Update[]> | Update[] {
    if (this.webhook) {
      throw new ApiError(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    }
    const offset = intParam(params['offset']) ?? 0;
    const limit = Math.min(100, Math.max(1, intParam(params['limit']) ?? 100));
    const timeout = Math.min(this.options.maxPollSeconds, Math.max(0, intParam(params['timeout']) ?? 0));
    const allowed = params['allowed_updates'];
    if (Array.isArray(allowed)) this.allowedUpdates = allowed.length ? allowed.map(String) : undefined;

    // Telegram lets the newest request win: the one already waiting is the one told it was terminated.
    if (this.poll) {
      this.poll.finish(
        new ApiError(
          409,
          'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
        ),
      );
      this.poll = undefined;
    }
    this.confirm(offset);
    const ready = this.takeReady(limit, this.allowedUpdates);
    if (ready.length > 0 || timeout === 0 || this.stopped) return ready;

    return new Promise<Update[]>((resolve, reject) => {
      const poll: PendingPoll = {
        limit,
        finish: (outcome) => {
          clearTimeout(timer);
          if (this.poll === poll) this.poll = undefined;
          if (outcome instanceof ApiError) reject(outcome);
          else resolve(outcome);
        },
      };
      const timer = setTimeout(() => poll.finish([]), timeout * 1000);
      this.poll = poll;
      // A client that gives up (telegraf aborting on stop) no longer holds the poll.
      response?.on('close', () => {
        if (this.poll === poll) poll.finish([]);
      });
    });
  }

  /** Drops what the bot confirmed with `offset` (or, negative, keeps only the last -offset updates). */
  private confirm(offset: number): void {
    if (offset > 0) {
      this.pending = this.pending.filter((entry) =>
        entry.redelivery ? !entry.handedOut || entry.update.update_id >= offset : entry.update.update_id >= offset,
      );
    } else if (offset < 0) {
      this.pending = this.pending.slice(offset);
    }
    this.events.emit('handled');
  }

  private takeReady(limit: number, allowedUpdates: string[] | undefined): Update[] {
    const isAllowed = (update: Update): boolean => {
      const kind = Object.keys(update).find((key) => key !== 'update_id') ?? '';
      return allowedUpdates ? allowedUpdates.includes(kind) : defaultAllowedUpdates(kind);
    };
    // Telegram never keeps updates of kinds the bot did not ask for.
    const before = this.pending.length;
    this.pending = this.pending.filter((entry) => isAllowed(entry.update));
    if (this.pending.length !== before) this.events.emit('handled');
    const ready = this.pending.slice(0, limit);
    for (const entry of ready) entry.handedOut = true;
    return ready.map((entry) => entry.update);
  }

  setWebhook(params: Params): Described {
    const url = stringParam(params['url']) ?? '';
    if (url === '') {
      const wasSet = this.webhook !== undefined;
      this.webhook = undefined;
      return new Described(true, wasSet ? 'Webhook was deleted' : 'Webhook is already deleted');
    }
    try {
      const parsed = new URL(url);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('protocol');
    } catch {
      throw badRequest('bad webhook: invalid webhook URL specified');
    }
    const secretToken = stringParam(params['secret_token']);
    if (secretToken !== undefined && secretToken !== '' && !/^[A-Za-z0-9_-]{1,256}$/.test(secretToken)) {
      throw badRequest('secret token contains unallowed characters');
    }
    if (boolParam(params['drop_pending_updates'])) this.dropPending();
    const allowed = params['allowed_updates'];
    if (Array.isArray(allowed)) this.allowedUpdates = allowed.length ? allowed.map(String) : undefined;
    const unchanged = this.webhook?.url === url && this.webhook.secretToken === (secretToken || undefined);
    this.webhook = {
      url,
      secretToken: secretToken || undefined,
      maxConnections: intParam(params['max_connections']) ?? 40,
      allowedUpdates: this.allowedUpdates,
    };
    this.webhookLastError = undefined;
    // A getUpdates still waiting is cut off, as on Telegram.
    this.poll?.finish([]);
    this.dispatchPending();
    return new Described(true, unchanged ? 'Webhook is already set' : 'Webhook was set');
  }

  deleteWebhook(params: Params): Described {
    if (boolParam(params['drop_pending_updates'])) this.dropPending();
    const wasSet = this.webhook !== undefined;
    this.webhook = undefined;
    return new Described(true, wasSet ? 'Webhook was deleted' : 'Webhook is already deleted');
  }

  getWebhookInfo(): Record<string, unknown> {
    const info: Record<string, unknown> = {
      url: this.webhook?.url ?? '',
      has_custom_certificate: false,
      pending_update_count: this.pending.length,
    };
    if (this.webhook) {
      info['max_connections'] = this.webhook.maxConnections;
      info['ip_address'] = '127.0.0.1';
      if (this.webhook.allowedUpdates) info['allowed_updates'] = this.webhook.allowedUpdates;
      if (this.webhookLastError) {
        info['last_error_date'] = this.webhookLastError.date;
        info['last_error_message'] = this.webhookLastError.message;
      }
    }
    return info;
  }

  private dropPending(): void {
    this.pending = [];
    this.events.emit('handled');
  }

  private dispatchPending(): void {
    if (this.stopped) return;
    if (this.webhook) {
      void this.deliverLoop();
      return;
    }
    if (this.poll) {
      const ready = this.takeReady(this.poll.limit, this.allowedUpdates);
      if (ready.length > 0) this.poll.finish(ready);
    }
  }

  /** Posts pending updates to the webhook one at a time, in order, retrying a refused one until it is accepted. */
  private async deliverLoop(): Promise<void> {
    if (this.delivering) return;
    this.delivering = true;
    try {
      while (this.webhook && !this.stopped) {
        const hook = this.webhook;
        const [next] = this.takeReady(1, hook.allowedUpdates);
        if (!next) break;
        const outcome = await this.post(hook, next);
        this.deliveries.push({
          updateId: next.update_id,
          url: hook.url,
          secretToken: hook.secretToken,
          time: new Date(),
          status: outcome.status,
          error: outcome.error,
          ok: outcome.ok,
        });
        this.events.emit('delivery');
        if (outcome.ok) {
          this.pending = this.pending.filter((entry) => entry.update !== next);
          this.events.emit('handled');
          if (outcome.reply) await this.options.webhookReply(outcome.reply);
        } else {
          this.webhookLastError = {
            date: unixTime(),
            message:
              outcome.status !== undefined
                ? `Wrong response from the webhook: ${outcome.status} ${statusTexts[outcome.status] ?? ''}`.trim()
                : (outcome.error ?? 'Connection failed'),
          };
          await this.sleep(this.options.webhookRetryDelayMs);
        }
      }
    } finally {
      this.delivering = false;
    }
  }

  private post(
    hook: WebhookConfig,
    update: Update,
  ): Promise<{ ok: boolean; status?: number; error?: string; reply?: Params }> {
    return new Promise((resolve) => {
      const body = JSON.stringify(update);
      const headers: Record<string, string | number> = {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        connection: 'close',
      };
      if (hook.secretToken) headers['X-Telegram-Bot-Api-Secret-Token'] = hook.secretToken;
      const send = hook.url.startsWith('https:') ? httpsRequest : httpRequest;
      let settled = false;
      const done = (outcome: { ok: boolean; status?: number; error?: string; reply?: Params }): void => {
        if (settled) return;
        settled = true;
        this.webhookRequests.delete(handle);
        resolve(outcome);
      };
      const request = send(hook.url, { method: 'POST', headers, agent: false, timeout: this.options.webhookTimeoutMs });
      const handle = { destroy: () => request.destroy(new Error('double stopped')) };
      this.webhookRequests.add(handle);
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', (error) => done({ ok: false, error: String(error) }));
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          const ok = status >= 200 && status < 300;
          let reply: Params | undefined;
          if (ok && chunks.length) {
            try {
              const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
              if (parsed && typeof parsed === 'object' && typeof (parsed as Params)['method'] === 'string') {
                reply = parsed as Params;
              }
            } catch {
              // A webhook may answer anything; only a JSON method call means something to Telegram.
            }
          }
          done({ ok, status, reply });
        });
      });
      request.on('timeout', () => request.destroy(new Error('Timeout expired')));
      request.on('error', (error) => done({ ok: false, error: error.message }));
      request.end(body);
    });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.timers.delete(entry);
          resolve();
        }, ms),
        wake: () => resolve(),
      };
      this.timers.add(entry);
    });
  }
}
