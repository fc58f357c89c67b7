import { Injectable } from '@nestjs/common';
import { escapeLike, PasswordResetsService, type ResetLink, type UserEntity, UsersService } from '@deskgram/api/auth';
import { NotFoundError } from '@deskgram/api/common';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { type TelegramLinkEntity, TelegramLinksService } from '@deskgram/api/telegram-links';
import { ClientEntity } from './client.entity';
import type { AddClientUserDto, ClientQueryDto, CreateClientDto, UpdateClientDto } from './dto/clients.dto';

export interface ClientWithUsers {
  client: ClientEntity;
  users: UserEntity[];
  /** The users' Telegram links, by user id; users without one are absent. */
  links: Map<string, TelegramLinkEntity>;
}

@Injectable()
export class ClientsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly users: UsersService,
    private readonly telegramLinks: TelegramLinksService,
    private readonly resets: PasswordResetsService,
  ) {}

  private get clients() {
    return this.txHost.tx.getRepository(ClientEntity);
  }

  count(): Promise<number> {
    return this.clients.count();
  }

  /** The client and its first portal user, together or not at all. */
  @Transactional()
  async create(input: CreateClientDto): Promise<ClientWithUsers> {
    const client = await this.clients.save(
      this.clients.create({
        name: input.name,
        email: input.email,
        phone: input.phone ?? null,
        company: input.company ?? null,
      }),
    );
    const user = await this.users.createClientUser(client.id, {
      email: input.email,
      password: input.password,
      displayName: input.contactName ?? input.name,
    });
    return { client, users: [user], links: new Map() };
  }

  async list(
    query: ClientQueryDto,
  ): Promise<{ items: Array<{ client: ClientEntity; userCount: number }>; total: number }> {
    const builder = this.clients.createQueryBuilder('client');
    if (query.search) {
      builder.where('(client.name ILIKE :search OR client.email ILIKE :search OR client.company ILIKE :search)', {
        search: `%${escapeLike(query.search)}%`,
      });
    }
    const total = await builder.getCount();
    const rows = await builder
      .addSelect('(SELECT count(*) FROM users u WHERE u.client_id = client.id)::int', 'user_count')
      .orderBy('client.name', 'ASC')
      .addOrderBy('client.id', 'ASC')
      .offset(query.offset)
      .limit(query.pageSize)
      .getRawAndEntities();
    return {
      items: rows.entities.map((client, index) => ({ client, userCount: Number(rows.raw[index].user_count) })),
      total,
    };
  }

  async get(id: string): Promise<ClientWithUsers> {
    const client = await this.clients.findOne({ where: { id } });
    if (!client) throw new NotFoundError('client.not_found', `No client with id ${id}`);
    return this.withUsers(client);
  }

  private async withUsers(client: ClientEntity): Promise<ClientWithUsers> {
    const users = await this.users.listByClient(client.id);
    return { client, users, links: await this.telegramLinks.linksOf(users.map((user) => user.id)) };
  }

  @Transactional()
  async update(id: string, changes: UpdateClientDto): Promise<ClientWithUsers> {
    const client = await this.clients.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!client) throw new NotFoundError('client.not_found', `No client with id ${id}`);
    if (changes.name !== undefined) client.name = changes.name;
    if (changes.email !== undefined) client.email = changes.email;
    if (changes.phone !== undefined) client.phone = changes.phone;
    if (changes.company !== undefined) client.company = changes.company;
    await this.clients.save(client);
    return this.withUsers(client);
  }

  @Transactional()
  async addUser(clientId: string, input: AddClientUserDto): Promise<ClientWithUsers> {
    if (!(await this.clients.exists({ where: { id: clientId } }))) {
      throw new NotFoundError('client.not_found', `No client with id ${clientId}`);
    }
    await this.users.createClientUser(clientId, input);
    return this.get(clientId);
  }

  /** Disables or enables one of the client's portal users; disabling ends their sign-ins at once. */
  @Transactional()
  async setUserDisabled(clientId: string, userId: string, disabled: boolean): Promise<ClientWithUsers> {
    await this.users.setClientUserDisabled(clientId, userId, disabled);
    return this.get(clientId);
  }

  /** Gives one of the client's portal users a new password; their sign-ins end. */
  async setUserPassword(clientId: string, userId: string, password: string): Promise<void> {
    const user = await this.users.findClientUser(clientId, userId);
    await this.users.setPassword(user.id, password);
  }

  /** A one-time link with which one of the client's portal users sets a new password. */
  async createUserResetLink(clientId: string, userId: string): Promise<ResetLink> {
    const user = await this.users.findClientUser(clientId, userId);
    return this.resets.createLink(user.id);
  }
}
