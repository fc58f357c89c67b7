import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AUTH_OPTIONS, type AuthModuleOptions } from './auth.options';
import { RefreshTokenEntity } from './refresh-token.entity';
import type { Role } from './roles';

export interface AccessTokenPayload {
  sub: string;
  role: Role;
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
  ) {}

  private get refreshTokens() {
    return this.txHost.tx.getRepository(RefreshTokenEntity);
  }

  signAccessToken(userId: string, role: Role): Promise<string> {
    const payload: AccessTokenPayload = { sub: userId, role };
    return this.jwt.signAsync(payload, { expiresIn: this.options.accessTokenSeconds });
  }

  /** Issues a refresh token in the given family (a new sign-in starts a new family). */
  async issueRefreshToken(userId: string, familyId: string = randomUUID()): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.refreshTokens.insert({
      tokenHash: hashToken(token),
      familyId,
      userId,
      expiresAt: new Date(Date.now() + this.options.refreshTokenSeconds * 1000),
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

  async markUsed(id: string): Promise<void> {
    await this.refreshTokens.update({ id }, { usedAt: new Date() });
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.refreshTokens
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()' })
      .where('family_id = :familyId AND revoked_at IS NULL', { familyId })
      .execute();
  }
}
