import { Injectable } from '@nestjs/common';
import { UnauthorizedError } from '@deskgram/api/common';
import { Transactional } from '@nestjs-cls/transactional';
import type { AuthenticatedUser } from './authenticated-user';
import { hashPassword, verifyPassword } from './passwords';
import { SignInThrottle } from './sign-in-throttle';
import { TokensService } from './tokens.service';
import { toAuthenticated, UsersService } from './users.service';

export interface SignedIn {
  accessToken: string;
  refreshToken: string;
  user: AuthenticatedUser;
}

const WRONG_CREDENTIALS = 'Wrong e-mail or password';

type RotateOutcome = { kind: 'rotated'; result: SignedIn } | { kind: 'rejected'; message: string; code: string };

@Injectable()
export class AuthService {
  /** Verified against when the e-mail is unknown, so that both failures take the same time. */
  private readonly decoyHash = hashPassword('decoy password that matches nothing');

  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokensService,
    private readonly throttle: SignInThrottle,
  ) {}

  async signIn(email: string, password: string, address: string): Promise<SignedIn> {
    await this.throttle.assertAllowed(email, address);
    const user = await this.users.findForSignIn(email.trim());
    const valid = await verifyPassword(user?.passwordHash ?? (await this.decoyHash), password);
    if (!user || !valid) {
      await this.throttle.recordFailure(email, address);
      throw new UnauthorizedError('auth.wrong_credentials', WRONG_CREDENTIALS);
    }
    if (user.disabledAt) {
      throw new UnauthorizedError('auth.disabled', 'This account is disabled. Ask your support team to enable it.');
    }
    await this.users.markSignedIn(user.id);
    return this.issue(toAuthenticated(user));
  }

  /**
   * Spends a refresh token and issues the next pair. A token presented a second time means it was copied: the
   * whole sign-in (its family) ends, and the rejection is committed even though the request fails.
   */
  async refresh(refreshToken: string): Promise<SignedIn> {
    const outcome = await this.rotate(refreshToken);
    if (outcome.kind === 'rejected') throw new UnauthorizedError(outcome.code, outcome.message);
    return outcome.result;
  }

  @Transactional()
  async signOut(user: AuthenticatedUser, refreshToken: string): Promise<void> {
    const stored = await this.tokens.findForUpdate(refreshToken);
    if (stored && stored.userId === user.id) await this.tokens.revokeFamily(stored.familyId);
  }

  @Transactional()
  private async rotate(refreshToken: string): Promise<RotateOutcome> {
    const stored = await this.tokens.findForUpdate(refreshToken);
    if (!stored) return { kind: 'rejected', code: 'auth.refresh_unknown', message: 'Unknown refresh token' };
    if (stored.usedAt || stored.revokedAt) {
      await this.tokens.revokeFamily(stored.familyId);
      return {
        kind: 'rejected',
        code: 'auth.refresh_reused',
        message: 'This refresh token was already used; the sign-in has been ended. Sign in again.',
      };
    }
    if (stored.expiresAt.getTime() <= Date.now()) {
      return { kind: 'rejected', code: 'auth.refresh_expired', message: 'The sign-in has expired. Sign in again.' };
    }
    const user = await this.users.findActive(stored.userId);
    if (!user) {
      await this.tokens.revokeFamily(stored.familyId);
      return { kind: 'rejected', code: 'auth.disabled', message: 'This account is disabled.' };
    }
    await this.tokens.markUsed(stored.id);
    return { kind: 'rotated', result: await this.issue(user, stored.familyId) };
  }

  private async issue(user: AuthenticatedUser, familyId?: string): Promise<SignedIn> {
    return {
      accessToken: await this.tokens.signAccessToken(user.id, user.role),
      refreshToken: await this.tokens.issueRefreshToken(user.id, familyId),
      user,
    };
  }
}
