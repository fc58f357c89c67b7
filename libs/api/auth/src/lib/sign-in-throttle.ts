import { Inject, Injectable } from '@nestjs/common';
import { TooManyRequestsError } from '@deskgram/api/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AUTH_OPTIONS, type AuthModuleOptions } from './auth.options';
import { SignInFailureEntity } from './sign-in-failure.entity';

const WINDOW_SECONDS = 60;

/**
 * Counts failed sign-ins per e-mail and per client address over the last minute; past the limit, sign-in answers
 * 429 for that e-mail or address until the oldest failure leaves the window.
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

  private keys(email: string, address: string): string[] {
    return [`email:${email.trim().toLowerCase()}`, `ip:${address}`];
  }

  async assertAllowed(email: string, address: string): Promise<void> {
    const rows: Array<{ count: number; retry_after: number | null }> = await this.failures.query(
      `SELECT count(*)::int AS count,
              ceil(extract(epoch FROM min(failed_at) + make_interval(secs => $2) - now()))::int AS retry_after
         FROM sign_in_failures
        WHERE key = ANY($1) AND failed_at > now() - make_interval(secs => $2)
        GROUP BY key
        ORDER BY count DESC
        LIMIT 1`,
      [this.keys(email, address), WINDOW_SECONDS],
    );
    const worst = rows[0];
    if (worst && worst.count >= this.options.maxFailuresPerMinute) {
      throw new TooManyRequestsError(
        'auth.too_many_failures',
        'Too many failed sign-in attempts. Wait a minute, then try again.',
        Math.max(1, worst.retry_after ?? WINDOW_SECONDS),
      );
    }
  }

  async recordFailure(email: string, address: string): Promise<void> {
    await this.failures.insert(this.keys(email, address).map((key) => ({ key })));
    // Old rows only matter for the last minute; drop this key's stale ones as we go.
    await this.failures.query(
      `DELETE FROM sign_in_failures WHERE key = ANY($1) AND failed_at < now() - interval '1 hour'`,
      [this.keys(email, address)],
    );
  }
}
