/**
 * The PostgreSQL advisory lock keys of the product, in one place so that no two jobs ever share one by accident.
 * (Migrations use 4242001, kept in the database library, which runs before anything else.)
 */
export const AdvisoryLock = {
  /** The one replica that long-polls Telegram (session lock, held while polling). */
  TelegramPoller: 4_242_002,
  /** One overdue sweep at a time (transaction lock). */
  OverdueSweep: 4_242_003,
  /** The one replica that sends notifications (session lock, held while delivering). */
  Deliverer: 4_242_005,
  /** Demo data is seeded once even when replicas start together (transaction lock). */
  DemoData: 4_242_004,
  /** The one replica that prunes expired tokens and old deliveries (session lock, held while it runs). */
  Housekeeping: 4_242_006,
  /**
   * Namespace of the sign-in throttle's per-key locks (transaction locks, the key's hash as the second half): one
   * attempt at a time counts and reserves its place under the limit for an e-mail or address.
   */
  SignInThrottle: 4_242_007,
} as const;
