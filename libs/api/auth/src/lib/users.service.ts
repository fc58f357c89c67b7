import { Injectable, Logger } from '@nestjs/common';
import { ConflictError, NotFoundError, PageQueryDto } from '@deskgram/api/common';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { QueryFailedError } from 'typeorm';
import type { AuthenticatedUser } from './authenticated-user';
import { hashPassword } from './passwords';
import type { Role, StaffRole } from './roles';
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

  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  private get users() {
    return this.txHost.tx.getRepository(UserEntity);
  }

  /** An active (not disabled) user by id, as the guard needs it on every request. */
  async findActive(id: string): Promise<AuthenticatedUser | null> {
    const user = await this.users.findOne({ where: { id } });
    if (!user || user.disabledAt) return null;
    return toAuthenticated(user);
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
    if (changes.displayName !== undefined) user.displayName = changes.displayName;
    if (changes.role !== undefined) user.role = changes.role;
    if (changes.disabled !== undefined) user.disabledAt = changes.disabled ? (user.disabledAt ?? new Date()) : null;
    return this.users.save(user);
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
