import { Injectable } from '@nestjs/common';
import { type TelegramAccounts, UserEntity } from '@deskgram/api/auth';
import { type Role } from '@deskgram/shared/contract';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { In, IsNull } from 'typeorm';
import { LinkTokenEntity } from './link-token.entity';
import { TelegramLinkEntity } from './telegram-link.entity';
import { type TelegramLinkState } from '@deskgram/shared/contract';

/** How long a QR code stays valid (docs/architecture.md, "The bot"). */
export const LINK_TOKEN_TTL_MS = 15 * 60 * 1000;

/** The Telegram person behind an update, as the bot saw them. */
export interface TelegramPerson {
  telegramUserId: number | string;
  chatId: number | string;
  username: string | null;
  firstName: string;
  language: 'en' | 'ru';
}

/** The portal account a Telegram person is linked to, in words the bot may show them. */
export interface LinkedAccount {
  displayName: string;
  email: string;
  role: Role;
}

export type RedeemResult =
  | { kind: 'linked'; account: LinkedAccount }
  /** The token was spent by this very update: Telegram delivered it again. Nothing to do, nothing to say. */
  | { kind: 'repeated' }
  /** The same person used the same link twice: they are linked already. */
  | { kind: 'already_linked'; account: LinkedAccount }
  | { kind: 'used' }
  | { kind: 'expired' }
  | { kind: 'unknown' };

export function hashLinkToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** A start payload can only be one of ours if it has the shape of one: 32 bytes in base64url. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * Link tokens and the links they create. No Telegram calls here: the bot and the deliverer call this service, the
 * clients' pages read the states.
 */
@Injectable()
export class TelegramLinksService implements TelegramAccounts {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  private get links() {
    return this.txHost.tx.getRepository(TelegramLinkEntity);
  }

  private get tokens() {
    return this.txHost.tx.getRepository(LinkTokenEntity);
  }

  /** A fresh one-time token for the user; their older unused tokens stop working. */
  @Transactional()
  async createToken(userId: string, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
    await this.tokens.delete({ userId, usedAt: IsNull() });
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + LINK_TOKEN_TTL_MS);
    await this.tokens.insert({ tokenHash: hashLinkToken(token), userId, expiresAt });
    return { token, expiresAt };
  }

  /**
   * Spends a token for the Telegram person who pressed Start. The token row is locked, so two deliveries of the
   * same update cannot both link; the update id tells a redelivery from a second press of the same link.
   */
  @Transactional()
  async redeem(token: string, updateId: number, person: TelegramPerson, now = new Date()): Promise<RedeemResult> {
    if (!TOKEN_SHAPE.test(token)) return { kind: 'unknown' };
    const row = await this.tokens.findOne({
      where: { tokenHash: hashLinkToken(token) },
      lock: { mode: 'pessimistic_write' },
    });
    if (!row) return { kind: 'unknown' };
    const user = await this.txHost.tx.getRepository(UserEntity).findOne({ where: { id: row.userId } });
    if (!user || user.disabledAt) return { kind: 'unknown' };
    if (row.usedAt) {
      if (row.usedByUpdateId === String(updateId)) return { kind: 'repeated' };
      const link = await this.links.findOne({ where: { userId: row.userId } });
      return link?.telegramUserId === String(person.telegramUserId)
        ? { kind: 'already_linked', account: toAccount(user) }
        : { kind: 'used' };
    }
    if (row.expiresAt.getTime() <= now.getTime()) return { kind: 'expired' };
    await this.tokens.update({ id: row.id }, { usedAt: now, usedByUpdateId: String(updateId) });
    // A new link for a user replaces the old one: one Telegram account per portal user.
    await this.links.upsert(
      {
        userId: row.userId,
        telegramUserId: String(person.telegramUserId),
        chatId: String(person.chatId),
        username: person.username,
        firstName: person.firstName,
        language: person.language,
        state: 'connected',
        linkedAt: now,
      },
      ['userId'],
    );
    return { kind: 'linked', account: toAccount(user) };
  }

  linkOf(userId: string): Promise<TelegramLinkEntity | null> {
    return this.links.findOne({ where: { userId } });
  }

  /** The links of several users at once, by user id; users without a link are absent. */
  async linksOf(userIds: readonly string[]): Promise<Map<string, TelegramLinkEntity>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.links.find({ where: { userId: In([...userIds]) } });
    return new Map(rows.map((row) => [row.userId, row]));
  }

  /** Disconnect from the portal: the link is gone, and with it every notification. */
  @Transactional()
  async disconnect(userId: string): Promise<boolean> {
    const result = await this.links.delete({ userId });
    return (result.affected ?? 0) > 0;
  }

  /** `/stop` from Telegram: unlinks every portal account this Telegram person linked. */
  @Transactional()
  async unlinkTelegramUser(telegramUserId: number | string): Promise<LinkedAccount[]> {
    const accounts = await this.accountsOf(telegramUserId);
    await this.links.delete({ telegramUserId: String(telegramUserId) });
    return accounts;
  }

  /** The accounts this Telegram user linked, the first linked first, as `/status` names them. */
  async accountsOf(telegramUserId: number | string): Promise<LinkedAccount[]> {
    return (await this.usersOf(telegramUserId, 'ASC')).map(toAccount);
  }

  /** The enabled portal users this Telegram user linked, the most recently linked first: who acts from the chat. */
  async enabledUsersOf(telegramUserId: number | string): Promise<UserEntity[]> {
    return (await this.usersOf(telegramUserId, 'DESC')).filter((user) => !user.disabledAt);
  }

  /**
   * Who this Telegram user signs in as from the Mini App: of the enabled portal users they linked whose link is
   * connected (not blocked), the most recently linked, as the bot acts for them.
   */
  async signInUserOf(telegramUserId: number | string): Promise<UserEntity | null> {
    const rows = await this.links.find({
      where: { telegramUserId: String(telegramUserId), state: 'connected' },
      relations: { user: true },
      order: { linkedAt: 'DESC', userId: 'ASC' },
    });
    return rows.find((row) => row.user && !row.user.disabledAt)?.user ?? null;
  }

  /** The portal user, when it is enabled and linked to this Telegram user now. */
  async enabledUser(userId: string, telegramUserId: number | string): Promise<UserEntity | null> {
    const link = await this.links.findOne({
      where: { userId, telegramUserId: String(telegramUserId) },
      relations: { user: true },
    });
    return link?.user && !link.user.disabledAt ? link.user : null;
  }

  private async usersOf(telegramUserId: number | string, order: 'ASC' | 'DESC'): Promise<UserEntity[]> {
    const rows = await this.links.find({
      where: { telegramUserId: String(telegramUserId) },
      relations: { user: true },
      order: { linkedAt: order },
    });
    return rows.flatMap((row) => (row.user ? [row.user] : []));
  }

  /** Telegram refused a message to this chat because the person blocked the bot. */
  @Transactional()
  async markChatBlocked(chatId: string): Promise<number> {
    const result = await this.links.update({ chatId, state: 'connected' }, { state: 'blocked' });
    return result.affected ?? 0;
  }

  /** Telegram told us the person blocked the bot, or restarted it. */
  @Transactional()
  async setStateByTelegramUser(telegramUserId: number | string, state: TelegramLinkState): Promise<number> {
    const result = await this.links.update({ telegramUserId: String(telegramUserId) }, { state });
    return result.affected ?? 0;
  }
}

function toAccount(user: UserEntity): LinkedAccount {
  return { displayName: user.displayName, email: user.email, role: user.role };
}
