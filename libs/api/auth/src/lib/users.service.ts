import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConflictError, NotFoundError, PageQueryDto } from '@deskgram/api/common';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { IsNull, QueryFailedError } from 'typeorm';
import { AUTH_OPTIONS, type AuthModuleOptions } from './auth.options';
import type { AuthenticatedUser } from './authenticated-user';
import { hashPassword } from './passwords';
import type { Role, StaffRole } from '@deskgram/shared/contract';
import { PasswordResetTokenEntity } from './password-reset-token.entity';
import { SignedInUsers } from './signed-in-users';
import { TokensService } from './tokens.service';
import { UserEntity } from './user.entity';

export interface NewUser {
  email: string;
  password: string;
  displayName: string;
}

export interface StaffUserChanges {
  displayName?: string;
  role?: StaffRole;
  disabled?: boolean;
}

const UNIQUE_VIOLATION = '23505';

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION;
}

/** Portal users: staff accounts and clients' users. Passwords go in hashed; hashes never come out. */
@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    @Inject(AUTH_OPTIONS) private readonly options: AuthModuleOptions,
    private readonly tokens: TokensService,
    private readonly signedIn: SignedInUsers,
  ) {}

  private get users() {
    return this.txHost.tx.getRepository(UserEntity);
  }

  /** An active (not disabled) user by id, as the guard needs it on every request. */
  async findActive(id: string): Promise<AuthenticatedUser | null> {
    const user = await this.users.findOne({ where: { id } });
    if (!user || user.disabledAt) return null;
    return toAuthenticated(user);
  }

  /**
   * What the guard needs on every request: the user, if enabled and if the sign-in `sessionId` still has a live
   * refresh token (not revoked by sign-out, a password change or disabling, and within its lifetime). From the
   * cache when it holds the sign-in, else in one query whose answer the cache keeps until the sign-in ends at most.
   */
  async findSignedIn(id: string, sessionId: string): Promise<AuthenticatedUser | null> {
    const cache = this.signedIn.cache;
    const cached = cache.get(id, sessionId);
    if (cached) return cached;
    const ticket = cache.ticket();
    // Before the query: the time left is counted from here, so an entry never outlives the sign-in.
    const loadedAt = Date.now();
    const rows: Array<SignedInRow> = await this.txHost.tx.query(
      `SELECT u.id, u.email, u.display_name, u.role, u.client_id, u.language,
              extract(epoch FROM session.started_at + make_interval(secs => $3) - now()) AS seconds_left
         FROM users u
        CROSS JOIN LATERAL (SELECT max(token.session_started_at) AS started_at FROM refresh_tokens token
                             WHERE token.family_id = $2 AND token.user_id = u.id AND token.revoked_at IS NULL) session
        WHERE u.id = $1 AND u.disabled_at IS NULL
          AND session.started_at > now() - make_interval(secs => $3)`,
      [id, sessionId, this.options.sessionMaxAgeSeconds],
    );
    const row = rows[0];
    if (!row) return null;
    const user: AuthenticatedUser = {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      role: row.role,
      clientId: row.client_id,
      language: row.language,
    };
    cache.set(ticket, id, sessionId, user, loadedAt + Number(row.seconds_left) * 1000);
    return user;
  }

  /** The user with this e-mail (any case), with the password hash for verification. */
  findForSignIn(email: string): Promise<UserEntity | null> {
    return this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email })
      .getOne();
  }

  async markSignedIn(id: string): Promise<void> {
    await this.users.update({ id }, { lastSignInAt: () => 'now()' } as never);
  }

  createStaff(input: NewUser & { role: StaffRole }): Promise<UserEntity> {
    return this.insert({ ...input, clientId: null });
  }

  createClientUser(clientId: string, input: NewUser): Promise<UserEntity> {
    return this.insert({ ...input, role: 'client', clientId });
  }

  async listStaff(query: PageQueryDto & { search?: string }): Promise<{ items: UserEntity[]; total: number }> {
    const builder = this.users
      .createQueryBuilder('user')
      .where('user.role IN (:...roles)', { roles: ['admin', 'agent'] })
      .orderBy('user.displayName', 'ASC')
      .addOrderBy('user.id', 'ASC')
      .skip(query.offset)
      .take(query.pageSize);
    if (query.search) {
      builder.andWhere('(user.displayName ILIKE :search OR user.email ILIKE :search)', {
        search: `%${escapeLike(query.search)}%`,
      });
    }
    const [items, total] = await builder.getManyAndCount();
    return { items, total };
  }

  listByClient(clientId: string): Promise<UserEntity[]> {
    return this.users.find({ where: { clientId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  @Transactional()
  async updateStaff(actor: AuthenticatedUser, id: string, changes: StaffUserChanges): Promise<UserEntity> {
    const user = await this.users.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!user || user.role === 'client') throw new NotFoundError('user.not_found', `No staff user with id ${id}`);
    if (user.id === actor.id && (changes.disabled === true || (changes.role && changes.role !== user.role))) {
      throw new ConflictError('user.self_lockout', 'You cannot disable your own account or change your own role');
    }
    // The name and the role are part of what the guard caches.
    this.signedIn.changing(user.id);
    if (changes.displayName !== undefined) user.displayName = changes.displayName;
    if (changes.role !== undefined) user.role = changes.role;
    if (changes.disabled !== undefined) await this.applyDisabled(user, changes.disabled);
    return this.users.save(user);
  }

  /** Disables or enables a client's portal user; another client's user is not found. */
  @Transactional()
  async setClientUserDisabled(clientId: string, userId: string, disabled: boolean): Promise<UserEntity> {
    const user = await this.users.findOne({ where: { id: userId, clientId }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw new NotFoundError('user.not_found', `The client has no user with id ${userId}`);
    await this.applyDisabled(user, disabled);
    return this.users.save(user);
  }

  /** Disabling ends every sign-in at once: refresh tokens now, access tokens at their next request. */
  private async applyDisabled(user: UserEntity, disabled: boolean): Promise<void> {
    this.signedIn.changing(user.id);
    user.disabledAt = disabled ? (user.disabledAt ?? new Date()) : null;
    if (disabled) await this.tokens.revokeAllOf(user.id);
  }

  /** A staff user by id, for an admin's action on them; clients' users are not found here. */
  async findStaff(id: string): Promise<UserEntity> {
    const user = await this.users.findOne({ where: { id } });
    if (!user || user.role === 'client') throw new NotFoundError('user.not_found', `No staff user with id ${id}`);
    return user;
  }

  /** A portal user of this client; a user of another client is not found, as if it did not exist. */
  async findClientUser(clientId: string, userId: string): Promise<UserEntity> {
    const user = await this.users.findOne({ where: { id: userId, clientId } });
    if (!user) throw new NotFoundError('user.not_found', `The client has no user with id ${userId}`);
    return user;
  }

  /** The user's password hash, for checking their current password. */
  async passwordHashOf(id: string): Promise<string | null> {
    const user = await this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.id = :id', { id })
      .getOne();
    return user?.passwordHash ?? null;
  }

  /** Staff give the user a new password: hashed first, outside the transaction that stores it. */
  async setPassword(id: string, password: string): Promise<void> {
    await this.replacePassword(id, await hashPassword(password));
  }

  /**
   * An admin's action on a staff user that must not be aimed at themselves: their own password is changed on the
   * profile, with the current one.
   */
  async findOtherStaff(actor: AuthenticatedUser, id: string): Promise<UserEntity> {
    const user = await this.findStaff(id);
    if (user.id === actor.id) {
      throw new ConflictError('user.self_password', 'Change your own password on your profile, with the current one');
    }
    return user;
  }

  /**
   * Replaces the password (already hashed: hashing is slow and stays outside transactions). Every sign-in of the
   * user ends, and reset links not used yet stop working: whoever knew the old password or held a link is out.
   */
  @Transactional()
  async replacePassword(id: string, passwordHash: string): Promise<void> {
    await this.users.update({ id }, { passwordHash });
    await this.tokens.revokeAllOf(id);
    await this.txHost.tx.getRepository(PasswordResetTokenEntity).delete({ userId: id, usedAt: IsNull() });
  }

  /** Creates the admin named by ADMIN_EMAIL / ADMIN_PASSWORD unless a user already has that e-mail. */
  async ensureAdmin(email: string, password: string): Promise<boolean> {
    if (await this.users.exists({ where: { email } })) return false;
    await this.createStaff({ email, password, displayName: 'Administrator', role: 'admin' });
    this.logger.log('Created the administrator named by ADMIN_EMAIL');
    return true;
  }

  exists(email: string): Promise<boolean> {
    return this.users.exists({ where: { email: email.trim() } });
  }

  private async insert(input: NewUser & { role: Role; clientId: string | null }): Promise<UserEntity> {
    const email = input.email.trim();
    if (await this.users.exists({ where: { email } })) {
      throw new ConflictError('user.email_taken', `A user with the e-mail ${email} already exists`);
    }
    const entity = this.users.create({
      email,
      passwordHash: await hashPassword(input.password),
      displayName: input.displayName.trim(),
      role: input.role,
      clientId: input.clientId,
      language: null,
      disabledAt: null,
      lastSignInAt: null,
    });
    try {
      const saved = await this.users.save(entity);
      return { ...saved, passwordHash: '' } as UserEntity;
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError('user.email_taken', `A user with the e-mail ${email} already exists`);
      }
      throw error;
    }
  }
}

interface SignedInRow {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  client_id: string | null;
  language: string | null;
  seconds_left: string | number;
}

export function toAuthenticated(user: UserEntity): AuthenticatedUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    clientId: user.clientId,
    language: user.language,
  };
}

/** `%` and `_` typed into a search box are searched for, not treated as wildcards. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
