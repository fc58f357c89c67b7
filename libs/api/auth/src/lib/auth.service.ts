import type { ErrorCode } from '@deskgram/shared/contract';
import { Inject, Injectable } from '@nestjs/common';
import { InvalidInputError, telegramNotConfigured, UnauthorizedError } from '@deskgram/api/common';
import { Transactional } from '@nestjs-cls/transactional';
import { AUTH_OPTIONS, type AuthModuleOptions } from './auth.options';
import type { AuthenticatedUser } from './authenticated-user';
import { hashPassword, verifyPassword } from './passwords';
import { signInKeys, SignInThrottle, telegramSignInKeys } from './sign-in-throttle';
import { MalformedInitDataError, readInitData, verifyInitData } from './telegram/init-data';
import { TelegramAccounts } from './telegram/telegram-accounts';
import { type SessionRef, TokensService } from './tokens.service';
import { toAuthenticated, UsersService } from './users.service';

export interface SignedIn {
  accessToken: string;
  refreshToken: string;
  user: AuthenticatedUser;
}

const WRONG_CREDENTIALS = 'Wrong e-mail or password';

type RotateOutcome = { kind: 'rotated'; result: SignedIn } | { kind: 'rejected'; message: string; code: ErrorCode };

@Injectable()
export class AuthService {
  /**
   * Verified against when the e-mail is unknown, so that both failures take the same time. Made on first need, not
   * at start: each argon2 hash holds 64 MiB while it runs, and at start it would overlap the demo data's hashing.
   */
  private decoyHash?: Promise<string>;

  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokensService,
    private readonly throttle: SignInThrottle,
    private readonly telegramAccounts: TelegramAccounts,
    @Inject(AUTH_OPTIONS) private readonly options: AuthModuleOptions,
  ) {}

  private decoy(): Promise<string> {
    this.decoyHash ??= hashPassword('decoy password that matches nothing');
    return this.decoyHash;
  }

  async signIn(email: string, password: string, address: string): Promise<SignedIn> {
    // Before the password check, so that concurrent attempts cannot all slip under the limit (and a refused one
    // costs no hashing).
    const reservation = await this.throttle.reserve(signInKeys(email, address));
    const user = await this.users.findForSignIn(email.trim());
    const valid = await verifyPassword(user?.passwordHash ?? (await this.decoy()), password);
    if (!user || !valid) throw new UnauthorizedError('auth.wrong_credentials', WRONG_CREDENTIALS);
    await this.throttle.release(reservation);
    if (user.disabledAt) {
      throw new UnauthorizedError('auth.disabled', 'This account is disabled. Ask your support team to enable it.');
    }
    await this.users.markSignedIn(user.id);
    return this.issue(toAuthenticated(user), this.tokens.newSession());
  }

  /**
   * Signs in from the Telegram Mini App with its init data: signed by this bot, not older than
   * `initDataMaxAgeSeconds` (nor dated ahead of this server's clock), and naming a Telegram user with a connected
   * link to an enabled portal user. The same answer as a password sign-in, and the same sign-in afterwards.
   *
   * Data that is not init data at all is a 400 before anything is counted; every other refusal counts as a failed
   * sign-in of the Telegram user and of the address, reserved before the signature is checked, as `signIn` does.
   */
  async signInWithTelegram(initData: string, address: string): Promise<SignedIn> {
    const { botToken, initDataMaxAgeSeconds } = this.options.telegram;
    if (!botToken) throw telegramNotConfigured();
    let claims: ReturnType<typeof readInitData>;
    try {
      claims = readInitData(initData);
    } catch (error) {
      if (!(error instanceof MalformedInitDataError)) throw error;
      throw new InvalidInputError('auth.telegram_malformed', error.message);
    }
    const reservation = await this.throttle.reserve(telegramSignInKeys(claims.telegramUserId, address));
    switch (verifyInitData(initData, claims, botToken, initDataMaxAgeSeconds)) {
      case 'forged':
        throw new UnauthorizedError('auth.telegram_invalid', 'The Telegram data is not signed by this bot');
      case 'future':
        throw new UnauthorizedError('auth.telegram_invalid', "The Telegram data is dated ahead of the server's clock");
      case 'expired':
        throw new UnauthorizedError(
          'auth.telegram_expired',
          'The Telegram data is too old. Close the app and open it again from Telegram.',
        );
      case 'valid':
        break;
    }
    // A disabled account is not named apart from a missing link: the answer says nothing about portal accounts.
    const user = await this.telegramAccounts.signInUserOf(String(claims.telegramUserId));
    if (!user) {
      throw new UnauthorizedError(
        'auth.telegram_not_linked',
        'This Telegram account is not connected to a portal account. Connect it from the portal first.',
      );
    }
    await this.throttle.release(reservation);
    await this.users.markSignedIn(user.id);
    return this.issue(toAuthenticated(user), this.tokens.newSession());
  }

  /**
   * The signed-in person replaces their password. A wrong current password is a 400 (a 401 would read as an
   * expired sign-in) and counts as a failed sign-in. Every sign-in of theirs ends, this one included; this one
   * goes on with the pair answered, within its original lifetime.
   */
  async changePassword(
    user: AuthenticatedUser,
    currentPassword: string,
    newPassword: string,
    address: string,
  ): Promise<SignedIn> {
    const reservation = await this.throttle.reserve(signInKeys(user.email, address));
    const currentHash = await this.users.passwordHashOf(user.id);
    if (!currentHash || !(await verifyPassword(currentHash, currentPassword))) {
      throw new InvalidInputError('auth.wrong_password', 'The current password is not right');
    }
    await this.throttle.release(reservation);
    const startedAt = user.sessionId ? await this.tokens.sessionStartedAt(user.sessionId) : null;
    return this.replacePasswordAndContinue(user, await hashPassword(newPassword), startedAt ?? new Date());
  }

  @Transactional()
  private async replacePasswordAndContinue(
    user: AuthenticatedUser,
    passwordHash: string,
    startedAt: Date,
  ): Promise<SignedIn> {
    await this.users.replacePassword(user.id, passwordHash);
    return this.issue(user, this.tokens.newSession(startedAt));
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
    if (stored && stored.userId === user.id) await this.tokens.revokeFamily(stored.userId, stored.familyId);
  }

  @Transactional()
  private async rotate(refreshToken: string): Promise<RotateOutcome> {
    const stored = await this.tokens.findForUpdate(refreshToken);
    if (!stored) return { kind: 'rejected', code: 'auth.refresh_unknown', message: 'Unknown refresh token' };
    const user = await this.users.findActive(stored.userId);
    if (!user) {
      await this.tokens.revokeFamily(stored.userId, stored.familyId);
      return { kind: 'rejected', code: 'auth.disabled', message: 'This account is disabled.' };
    }
    if (stored.usedAt && !stored.revokedAt) {
      await this.tokens.revokeFamily(stored.userId, stored.familyId);
      return {
        kind: 'rejected',
        code: 'auth.refresh_reused',
        message: 'This refresh token was already used; the sign-in has been ended. Sign in again.',
      };
    }
    if (stored.revokedAt) {
      return {
        kind: 'rejected',
        code: 'auth.session_ended',
        message: 'This sign-in has ended (signed out, or the password was changed). Sign in again.',
      };
    }
    if (this.tokens.sessionEndsAt(stored.sessionStartedAt).getTime() <= Date.now()) {
      await this.tokens.revokeFamily(stored.userId, stored.familyId);
      return {
        kind: 'rejected',
        code: 'auth.session_expired',
        message: 'The sign-in has reached its maximum age. Sign in again.',
      };
    }
    if (stored.expiresAt.getTime() <= Date.now()) {
      return { kind: 'rejected', code: 'auth.refresh_expired', message: 'The sign-in has expired. Sign in again.' };
    }
    await this.tokens.markUsed(stored.id);
    return {
      kind: 'rotated',
      result: await this.issue(user, { id: stored.familyId, startedAt: stored.sessionStartedAt }),
    };
  }

  private async issue(user: AuthenticatedUser, session: SessionRef): Promise<SignedIn> {
    return {
      accessToken: await this.tokens.signAccessToken(user.id, user.role, session.id),
      refreshToken: await this.tokens.issueRefreshToken(user.id, session),
      user,
    };
  }
}
