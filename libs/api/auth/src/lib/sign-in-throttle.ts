import { Inject, Injectable } from '@nestjs/common';
import { AdvisoryLock, TooManyRequestsError } from '@deskgram/api/common';
import { Propagation, Transactional, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AUTH_OPTIONS, type AuthModuleOptions } from './auth.options';
import { SignInFailureEntity } from './sign-in-failure.entity';

const WINDOW_SECONDS = 60;

/** The places an attempt holds under the limit; released when the password turns out right. */
export interface ThrottleReservation {
  ids: string[];
}

/** The keys of a sign-in attempt: the e-mail (any case) and the client's address. */
export function signInKeys(email: string, address: string): string[] {
  return [`email:${email.trim().toLowerCase()}`, `ip:${address}`];
}

/** The keys of a sign-in from the Telegram Mini App: the Telegram user the init data names, and the client's address. */
export function telegramSignInKeys(telegramUserId: number, address: string): string[] {
  return [`telegram:${telegramUserId}`, `ip:${address}`];
}

/** The key of an attempt that names no account (a password reset link): the client's address only. */
export function addressKey(address: string): string {
  return `ip:${address}`;
}

/**
 * Counts failed password checks per e-mail and per client address over the last minute (and refused Telegram
 * sign-ins per Telegram user and address); past the limit, further attempts answer 429 until the oldest failure
 * leaves the window.
 *
 * An attempt reserves its place BEFORE the password is checked: under a transaction lock per key it counts the
 * window and, when there is room, inserts its failure row at once. Forty attempts sent together therefore see each
 * other, and at most the limit of them get as far as the (deliberately slow) password check; the rest are turned
 * away without hashing anything. A right password releases the reservation; a wrong one leaves it counted.
 */
@Injectable()
export class SignInThrottle {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    @Inject(AUTH_OPTIONS) private readonly options: AuthModuleOptions,
  ) {}

  private get failures() {
    return this.txHost.tx.getRepository(SignInFailureEntity);
  }

  /**
   * Takes one place under the limit for every key, or throws 429 when any key has none left. Always in a
   * transaction of its own, committed before the password check, so that concurrent attempts count it.
   */
  @Transactional(Propagation.RequiresNew)
  async reserve(keys: string[]): Promise<ThrottleReservation> {
    // Sorted, so that two attempts locking an overlapping pair of keys cannot deadlock.
    const unique = [...new Set(keys)].sort();
    for (const key of unique) {
      await this.failures.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [AdvisoryLock.SignInThrottle, key]);
    }
    const rows: Array<{ count: number; retry_after: number | null }> = await this.failures.query(
      `SELECT count(*)::int AS count,
              ceil(extract(epoch FROM min(failed_at) + make_interval(secs => $2) - now()))::int AS retry_after
         FROM sign_in_failures
        WHERE key = ANY($1) AND failed_at > now() - make_interval(secs => $2)
        GROUP BY key
        ORDER BY count DESC
        LIMIT 1`,
      [unique, WINDOW_SECONDS],
    );
    const worst = rows[0];
    if (worst && worst.count >= this.options.maxFailuresPerMinute) {
      throw new TooManyRequestsError(
        'auth.too_many_failures',
        'Too many failed sign-in attempts. Wait a minute, then try again.',
        Math.max(1, worst.retry_after ?? WINDOW_SECONDS),
      );
    }
    // Old rows only matter for the last minute; drop these keys' stale ones as we go.
    await this.failures.query(
      `DELETE FROM sign_in_failures WHERE key = ANY($1) AND failed_at < now() - interval '1 hour'`,
      [unique],
    );
    const inserted = await this.failures.insert(unique.map((key) => ({ key })));
    return { ids: inserted.identifiers.map((identifier) => String(identifier['id'])) };
  }

  /** The password was right: the attempt is not a failure after all. */
  async release(reservation: ThrottleReservation): Promise<void> {
    if (reservation.ids.length > 0) await this.failures.delete(reservation.ids);
  }
}
