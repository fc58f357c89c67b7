import { performance } from 'node:perf_hooks';

/** Time and timers for a SendPacer; tests drive it with a clock of their own. */
export interface PacerClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SendPacerOptions {
  /** At most this many calls start within any `windowMs`, however the window is placed. */
  limit: number;
  windowMs: number;
  /**
   * The least time between two starts, so that a window's calls are spread over it instead of leaving together:
   * a burst that leaves at once can arrive bunched. Below `windowMs / limit`, so that a start delayed by a late
   * timer is made up for by the next ones without the window ever holding more than `limit`.
   */
  spacingMs: number;
  clock?: PacerClock;
}

/** One chat's own pace: at most one call starts for `key` every `intervalMs`. */
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

const systemClock: PacerClock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Starts calls no faster than a sliding-window counter on the other side (Telegram's flood control) allows: a call
 * starts only when the `limit`-th start before it lies at least `windowMs` back, at least `spacingMs` after the
 * previous start, and, for a call to a chat, `intervalMs` after that chat's previous start. The limits are taken at
 * the moment the call starts (the request leaves), not when it was scheduled nor when the previous one ended, so
 * time spent before (database reads) or after (waiting for the answer) never lets two requests leave closer than
 * that. Calls start in the order scheduled, except that a call whose chat must still wait lets later calls to other
 * chats go first.
 */
export class SendPacer {
  private readonly clock: PacerClock;
  /** The last `limit` starts, oldest first. */
  private readonly starts: number[] = [];
  /** When each chat may start again; entries in the past are swept from time to time. */
  private readonly chatReady = new Map<string, number>();
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

  /** Starts every call whose turn has come, then sets a timer for the next one. */
  private pump(): void {
    while (this.queue.length > 0 && !this.stopped) {
      const now = this.clock.now();
      const globalAt = this.nextStartAt();
      if (globalAt > now) return this.wakeAt(globalAt);
      let chosen = -1;
      let chatAt = Infinity;
      for (let index = 0; index < this.queue.length; index += 1) {
        const chat = this.queue[index].chat;
        const at = chat ? (this.chatReady.get(chat.key) ?? -Infinity) : -Infinity;
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

  /** The earliest time the overall limits let another call start. */
  private nextStartAt(): number {
    const { limit, windowMs, spacingMs } = this.options;
    const last = this.starts.length > 0 ? this.starts[this.starts.length - 1] + spacingMs : -Infinity;
    const window = this.starts.length >= limit ? this.starts[this.starts.length - limit] + windowMs : -Infinity;
    return Math.max(last, window);
  }

  private start(job: Job, now: number): void {
    this.starts.push(now);
    if (this.starts.length > this.options.limit) this.starts.shift();
    if (job.chat) {
      this.chatReady.set(job.chat.key, now + job.chat.intervalMs);
      if (this.chatReady.size >= this.sweepAt) this.sweep(now);
    }
    let running: Promise<unknown>;
    try {
      running = job.call();
    } catch (error) {
      running = Promise.reject(error);
    }
    running.then(job.resolve, job.reject);
  }

  /** Forgets chats that may start again anyway, so that the map holds only the recent ones. */
  private sweep(now: number): void {
    for (const [key, at] of this.chatReady) if (at <= now) this.chatReady.delete(key);
    this.sweepAt = Math.max(1024, this.chatReady.size * 2);
  }

  private wakeAt(at: number): void {
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
