export const TELEGRAM_BOT_OPTIONS = Symbol('TELEGRAM_BOT_OPTIONS');

export interface TelegramBotOptions {
  /** Unset: Telegram is "not configured" and everything else works. */
  token?: string;
  /** For `t.me` links; taken from `getMe` when unset. */
  username?: string;
  /**
   * Where the portal's Connect link points, for a Telegram stand-in such as the sandbox; `https://t.me/<bot>?start=`
   * followed by the token when unset.
   */
  startLink?: (token: string) => string;
  /** Bot API root; a root with a path must end in a slash (telegraf resolves method URLs against it). */
  apiRoot: string;
  /** Set: webhook mode. Unset: long polling by one replica. */
  webhookUrl?: string;
  webhookSecret?: string;
  /** The portal's address, named in the bot's answers. */
  publicUrl: string;
  /**
   * The most messages a second this process sends to Telegram, replies and notifications together (Telegram allows
   * about 30); 30 when unset.
   */
  messagesPerSecond?: number;
  /** How often a standby (or cut off) poller tries to take the poller lock; 2 s when unset. */
  workerRetryMs?: number;
}
