export interface AuthModuleOptions {
  jwtSecret: string;
  /** Lifetime of an access token; short, since it cannot be revoked. */
  accessTokenSeconds: number;
  refreshTokenSeconds: number;
  /** SESSION_MAX_AGE_DAYS: a sign-in ends this long after it began, however often it is refreshed. */
  sessionMaxAgeSeconds: number;
  /** How long a password reset link that staff create works. */
  passwordResetSeconds: number;
  /** The portal's address, which password reset links point at. */
  publicUrl: string;
  /** ADMIN_EMAIL / ADMIN_PASSWORD: created at start when no user has that e-mail. */
  admin?: { email: string; password: string };
  /** Failed sign-ins per e-mail or per address in one minute before further attempts get 429. */
  maxFailuresPerMinute: number;
  /** Signing in from the Telegram Mini App (`POST /api/auth/telegram`). */
  telegram: TelegramSignInOptions;
}

export interface TelegramSignInOptions {
  /** TELEGRAM_BOT_TOKEN: the Mini App's init data is signed with it. Unset: the route answers `telegram.not_configured`. */
  botToken?: string;
  /** TELEGRAM_INIT_DATA_MAX_AGE: how old the init data (its `auth_date`) may be, in seconds. */
  initDataMaxAgeSeconds: number;
}

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');
