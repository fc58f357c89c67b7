import { Inject, Injectable } from '@nestjs/common';
import { InvalidInputError } from '@deskgram/api/common';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { randomBytes } from 'node:crypto';
import { IsNull } from 'typeorm';
import { AUTH_OPTIONS, type AuthModuleOptions } from './auth.options';
import { hashPassword } from './passwords';
import { PasswordResetTokenEntity } from './password-reset-token.entity';
import { addressKey, SignInThrottle } from './sign-in-throttle';
import { hashToken } from './tokens.service';
import { UsersService } from './users.service';

export interface ResetLink {
  url: string;
  expiresAt: Date;
}

/**
 * One-time links with which a person sets a new password, created by staff and passed on by them (there is no
 * e-mail to send them by). The token travels in the URL's fragment, which browsers never send to a server, so it
 * stays out of access logs and Referer headers; only its SHA-256 is stored.
 */
@Injectable()
export class PasswordResetsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly users: UsersService,
    private readonly throttle: SignInThrottle,
    @Inject(AUTH_OPTIONS) private readonly options: AuthModuleOptions,
  ) {}

  private get resetTokens() {
    return this.txHost.tx.getRepository(PasswordResetTokenEntity);
  }

  /** A new link for the user; their older unused links stop working. */
  @Transactional()
  async createLink(userId: string): Promise<ResetLink> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.options.passwordResetSeconds * 1000);
    await this.resetTokens.delete({ userId, usedAt: IsNull() });
    await this.resetTokens.insert({ tokenHash: hashToken(token), userId, expiresAt, usedAt: null });
    return { url: `${this.options.publicUrl}/reset-password#token=${token}`, expiresAt };
  }

  /**
   * Sets the password of the link's user and ends all their sign-ins. A wrong token counts as a failed attempt
   * from the address, so links cannot be guessed at speed.
   */
  async resetPassword(token: string, password: string, address: string): Promise<void> {
    const reservation = await this.throttle.reserve([addressKey(address)]);
    // Checked first, so that a dead link never costs a hash; checked again under lock when spending it.
    await this.usable(token, false);
    await this.throttle.release(reservation);
    await this.spend(token, await hashPassword(password));
  }

  @Transactional()
  private async spend(token: string, passwordHash: string): Promise<void> {
    const row = await this.usable(token, true);
    await this.resetTokens.update({ id: row.id }, { usedAt: new Date() });
    await this.users.replacePassword(row.userId, passwordHash);
  }

  private async usable(token: string, lock: boolean): Promise<PasswordResetTokenEntity> {
    const row = await this.resetTokens.findOne({
      where: { tokenHash: hashToken(token) },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!row) {
      throw new InvalidInputError('auth.reset_unknown', 'This password reset link is not valid. Ask for a new one.');
    }
    if (row.usedAt) {
      throw new InvalidInputError('auth.reset_used', 'This password reset link was already used. Ask for a new one.');
    }
    if (row.expiresAt.getTime() <= Date.now()) {
      throw new InvalidInputError('auth.reset_expired', 'This password reset link has expired. Ask for a new one.');
    }
    return row;
  }
}
