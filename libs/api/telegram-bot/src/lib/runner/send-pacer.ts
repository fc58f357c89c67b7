import { performance } from 'node:perf_hooks';

/** Time and timers for a SendPacer; tests drive it with a clock of their own. */
export interface PacerClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SendPacerOptions {
  /** At most this many requests arrive within any `windowMs`, however the window is placed and whatever the jitter. */
  limit: number;
  windowMs: number;
  /**
   * The least time between two starts, so that requests are spread rather than sent in bursts; below
   * `windowMs / limit`, so that the window, not the spacing, sets the pace.
   */
  spacingMs: number;
  clock?: PacerClock;
}

/** One chat's own pace: a call for `key` starts `intervalMs` after the previous one for `key` was answered. */
export interface ChatPace {
  key: string;
  intervalMs: number;
}

interface Job {
  call: () => Promise<unknown>;
  chat?: ChatPace;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

/** A started call: it reached (or reaches) the other side at some moment between `start` and `end`. */
interface Sent {
  start: number;
  /** When the answer (or the failure) came; unset while under way. */
  end?: number;
}

const systemClock: PacerClock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Starts calls no faster than a sliding-window counter on the other side (Telegram's flood control) allows, whatever
 * the jitter on the way. The other side counts a request when it arrives, which is some moment between its start
 * and its answer. So a request counts here from its start until `windowMs` after its answer (until then it may be
 * in the other side's window), and a call starts only while fewer than `limit` requests count: then any window the
 * other side places around an arrival holds at most `limit` arrivals, however they were delayed or bunched (a
 * request held up on the way is answered late, and keeps its place that much longer). The price is the round trip:
 * `limit` requests take `windowMs` plus one round trip. Calls start at least `spacingMs` apart.
 *
 * A call naming a chat also starts no sooner than `intervalMs` after the chat's previous call was answered, for the
 * same reason. Calls start in the order scheduled, except that a call whose chat must still wait lets later calls to
 * other chats go first.
 */
export class SendPacer {
  private readonly clock: PacerClock;
  /** Started calls that may still be in the other side's window, oldest start first. */
  private counted: Sent[] = [];
  private lastStart = -Infinity;
  /** Per chat: its call under way (no end yet), or when it was answered; swept once the interval has passed. */
  private readonly chats = new Map<string, { sent: Sent; intervalMs: number }>();
  private sweepAt = 1024;
  private queue: Job[] = [];
  private timer: { handle: unknown; at: number } | undefined;
  private stopped = false;

  constructor(private readonly options: SendPacerOptions) {
    if (!(options.limit >= 1) || !(options.windowMs > 0) || !(options.spacingMs >= 0)) {
      throw new Error('A SendPacer needs limit >= 1, windowMs > 0 and spacingMs >= 0');
    }
    this.clock = options.clock ?? systemClock;
  }

  /** Calls waiting for their turn. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Runs `call` in its turn; its promise settles with the call's. */
  schedule<T>(call: () => Promise<T>, chat?: ChatPace): Promise<T> {
    if (this.stopped) return Promise.reject(new Error('The pacer is stopped'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ call, chat, resolve: resolve as (value: unknown) => void, reject });
      this.pump();
    });
  }

  /** Refuses new calls and turns away those still waiting; calls already started run on. */
  stop(): void {
    this.stopped = true;
    if (this.timer) this.clock.clearTimeout(this.timer.handle);
    this.timer = undefined;
    const waiting = this.queue;
    this.queue = [];
    for (const job of waiting) job.reject(new Error('The pacer is stopped'));
  }

  /** Starts every call whose turn has come, then sets a timer for the next one (or waits for an answer). */
  private pump(): void {
    while (this.queue.length > 0 && !this.stopped) {
      const now = this.clock.now();
      const globalAt = this.nextStartAt(now);
      if (globalAt > now) return this.wakeAt(globalAt);
      let chosen = -1;
      let chatAt = Infinity;
      for (let index = 0; index < this.queue.length; index += 1) {
        const at = this.chatReadyAt(this.queue[index].chat);
        if (at <= now) {
          chosen = index;
          break;
        }
        chatAt = Math.min(chatAt, at);
      }
      if (chosen < 0) return this.wakeAt(chatAt);
      const [job] = this.queue.splice(chosen, 1);
      this.start(job, now);
    }
  }

  /** The earliest time the overall limits let another call start; Infinity until an answer comes. */
  private nextStartAt(now: number): number {
    const { limit, windowMs } = this.options;
    this.counted = this.counted.filter((sent) => sent.end === undefined || sent.end + windowMs > now);
    const spaced = this.lastStart + this.options.spacingMs;
    if (this.counted.length < limit) return spaced;
    // Full: the next to leave the window is the earliest answered one; with none answered, an answer wakes us.
    let leaves = Infinity;
    for (const sent of this.counted) if (sent.end !== undefined) leaves = Math.min(leaves, sent.end + windowMs);
    return Math.max(spaced, leaves);
  }

  private chatReadyAt(chat: ChatPace | undefined): number {
    const previous = chat ? this.chats.get(chat.key) : undefined;
    if (!chat || !previous) return -Infinity;
    return previous.sent.end === undefined ? Infinity : previous.sent.end + chat.intervalMs;
  }

  private start(job: Job, now: number): void {
    const sent: Sent = { start: now };
    this.counted.push(sent);
    this.lastStart = now;
    if (job.chat) {
      this.chats.set(job.chat.key, { sent, intervalMs: job.chat.intervalMs });
      if (this.chats.size >= this.sweepAt) this.sweep(now);
    }
    let running: Promise<unknown>;
    try {
      running = job.call();
    } catch (error) {
      running = Promise.reject(error);
    }
    const answered = () => {
      sent.end = this.clock.now();
      // A full window, or this chat's next call, may have been waiting for this answer.
      this.pump();
    };
    running.then(
      (value) => {
        answered();
        job.resolve(value);
      },
      (error: unknown) => {
        answered();
        job.reject(error);
      },
    );
  }

  /** Forgets chats whose interval has passed, so that the map holds only the recent ones. */
  private sweep(now: number): void {
    for (const [key, { sent, intervalMs }] of this.chats) {
      if (sent.end !== undefined && sent.end + intervalMs <= now) this.chats.delete(key);
    }
    this.sweepAt = Math.max(1024, this.chats.size * 2);
  }

  private wakeAt(at: number): void {
    // Infinity: nothing but an answer can let the next call start, and every answer pumps.
    if (!Number.isFinite(at)) return;
    if (this.timer && this.timer.at <= at) return;
    if (this.timer) this.clock.clearTimeout(this.timer.handle);
    // Timers have whole milliseconds and may fire a little early on the clock: pump() checks again and re-arms.
    const ms = Math.max(1, Math.ceil(at - this.clock.now()));
    const handle = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, ms);
    this.timer = { handle, at };
  }
}
