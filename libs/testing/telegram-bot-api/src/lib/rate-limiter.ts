import { ApiError } from './api-error';

/** Telegram's flood limits, made configurable so a test can provoke a 429 cheaply or switch them off. */
export interface RateLimits {
  /** Messages one chat may receive within any sliding second. Default 1; `Infinity` switches the limit off. */
  perChatPerSecond?: number;
  /** Messages the bot may send within any sliding second, all chats together. Default 30. */
  globalPerSecond?: number;
}

/**
 * Telegram's flood control: sliding one-second windows, per chat and for the whole bot. Only accepted messages
 * count; a message over a limit is refused with 429 and the whole seconds until it would pass (`retry_after`).
 */
export class RateLimiter {
  private limits: Required<RateLimits>;
  private globalWindow: number[] = [];
  private readonly chatWindows = new Map<number, number[]>();

  constructor(
    limits: RateLimits = {},
    private readonly now: () => number = Date.now,
  ) {
    this.limits = { perChatPerSecond: 1, globalPerSecond: 30, ...limits };
  }

  /** Changes the limits and forgets the windows. */
  setLimits(limits: RateLimits): void {
    this.limits = { ...this.limits, ...limits };
    this.reset();
  }

  /** Forgets what was sent: the next message passes whatever came before. */
  reset(): void {
    this.globalWindow = [];
    this.chatWindows.clear();
  }

  /** Counts one message to `chatId`, or throws the 429 Telegram would answer. */
  take(chatId: number): void {
    const now = this.now();
    const recent = (times: number[]): number[] => times.filter((time) => time > now - 1000);
    const retryAfter = (times: number[], limit: number): number =>
      Math.max(1, Math.ceil((times[times.length - limit] + 1000 - now) / 1000));
    const chatTimes = recent(this.chatWindows.get(chatId) ?? []);
    this.globalWindow = recent(this.globalWindow);
    let wait = 0;
    if (chatTimes.length >= this.limits.perChatPerSecond) {
      wait = Math.max(wait, retryAfter(chatTimes, this.limits.perChatPerSecond));
    }
    if (this.globalWindow.length >= this.limits.globalPerSecond) {
      wait = Math.max(wait, retryAfter(this.globalWindow, this.limits.globalPerSecond));
    }
    if (wait > 0) throw new ApiError(429, `Too Many Requests: retry after ${wait}`, { retry_after: wait });
    chatTimes.push(now);
    this.chatWindows.set(chatId, chatTimes);
    this.globalWindow.push(now);
  }
}
