import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AUTH_OPTIONS, type AuthModuleOptions } from './auth.options';
import { RefreshTokenEntity } from './refresh-token.entity';
import { SignedInUsers } from './signed-in-users';
import type { Role } from '@deskgram/shared/contract';

export interface AccessTokenPayload {
  sub: string;
  role: Role;
  /** The sign-in (refresh token family) the token belongs to: ending the sign-in ends its access tokens too. */
  sid: string;
}

/** One sign-in: its refresh token family and when it began. */
export interface SessionRef {
  id: string;
  startedAt: Date;
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** Short-lived JWT access tokens and opaque, single-use refresh tokens stored as their SHA-256. */
@Injectable()
export class TokensService {
  constructor(
    private readonly jwt: JwtService,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    @Inject(AUTH_OPTIONS) private readonly options: AuthModuleOptions,
    private readonly signedIn: SignedInUsers,
  ) {}

  private get refreshTokens() {
    return this.txHost.tx.getRepository(RefreshTokenEntity);
  }

  signAccessToken(userId: string, role: Role, sessionId: string): Promise<string> {
    const payload: AccessTokenPayload = { sub: userId, role, sid: sessionId };
    return this.jwt.signAsync(payload, { expiresIn: this.options.accessTokenSeconds });
  }

  /** A new sign-in: a new family, beginning now unless it continues an earlier sign-in's lifetime. */
  newSession(startedAt = new Date()): SessionRef {
    return { id: randomUUID(), startedAt };
  }

  /** When the sign-in that began at `startedAt` ends for good. */
  sessionEndsAt(startedAt: Date): Date {
    return new Date(startedAt.getTime() + this.options.sessionMaxAgeSeconds * 1000);
  }

  /** Issues a refresh token of the sign-in; it never outlives the sign-in's absolute end. */
  async issueRefreshToken(userId: string, session: SessionRef): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = Math.min(
      Date.now() + this.options.refreshTokenSeconds * 1000,
      this.sessionEndsAt(session.startedAt).getTime(),
    );
    await this.refreshTokens.insert({
      tokenHash: hashToken(token),
      familyId: session.id,
      userId,
      sessionStartedAt: session.startedAt,
      expiresAt: new Date(expiresAt),
      usedAt: null,
      revokedAt: null,
    });
    return token;
  }

  /** The stored token, locked for the rest of the transaction so that two uses of it cannot both succeed. */
  findForUpdate(token: string): Promise<RefreshTokenEntity | null> {
    return this.refreshTokens.findOne({
      where: { tokenHash: hashToken(token) },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** When the sign-in began, or null when it has no tokens left. */
  async sessionStartedAt(sessionId: string): Promise<Date | null> {
    const token = await this.refreshTokens.findOne({
      where: { familyId: sessionId },
      select: { sessionStartedAt: true },
    });
    return token?.sessionStartedAt ?? null;
  }

  async markUsed(id: string): Promise<void> {
    await this.refreshTokens.update({ id }, { usedAt: new Date() });
  }

  /** Ends one sign-in of the user: its refresh tokens now, its access tokens at their next request. */
  async revokeFamily(userId: string, familyId: string): Promise<void> {
    this.signedIn.changing(userId);
    await this.refreshTokens
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()' })
      .where('family_id = :familyId AND revoked_at IS NULL', { familyId })
      .execute();
  }

  /** Ends every sign-in of the user: their refresh tokens stop at once, their access tokens at the next request. */
  async revokeAllOf(userId: string): Promise<void> {
    this.signedIn.changing(userId);
    await this.refreshTokens
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()' })
      .where('user_id = :userId AND revoked_at IS NULL', { userId })
      .execute();
  }
}
