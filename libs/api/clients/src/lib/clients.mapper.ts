// Clients and their portal users as the API answers them: entities in, DTOs out, nothing else.
import { toUserDto, type UserEntity } from '@deskgram/api/auth';
import { type TelegramLinkEntity, toTelegramState } from '@deskgram/api/telegram-links';
import { type ClientWithUsers } from './clients.service';
import type { ClientEntity } from './client.entity';
import { type ClientDto, type ClientSummaryDto, type ClientUserDto } from './dto/clients.dto';

export function toSummary(client: ClientEntity, userCount: number): ClientSummaryDto {
  return {
    id: client.id,
    name: client.name,
    email: client.email,
    phone: client.phone,
    company: client.company,
    userCount,
    createdAt: client.createdAt.toISOString(),
  };
}

export function toClientUser(user: UserEntity, link: TelegramLinkEntity | undefined): ClientUserDto {
  return {
    ...toUserDto(user),
    disabled: user.disabledAt !== null,
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
    telegram: toTelegramState(link),
  };
}

export function toClientDto({ client, users, links }: ClientWithUsers): ClientDto {
  return { ...toSummary(client, users.length), users: users.map((user) => toClientUser(user, links.get(user.id))) };
}
