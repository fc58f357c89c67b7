import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles, toUserDto, type UserEntity } from '@deskgram/api/auth';
import { HttpErrorDto } from '@deskgram/api/common';
import { type TelegramLinkEntity, toTelegramState } from '@deskgram/api/telegram-link';
import { type ClientWithUsers, ClientsService } from './clients.service';
import type { ClientEntity } from './client.entity';
import {
  AddClientUserDto,
  ClientDto,
  ClientListDto,
  ClientQueryDto,
  type ClientSummaryDto,
  type ClientUserDto,
  CreateClientDto,
  UpdateClientDto,
} from './dto/clients.dto';

const uuid = new ParseUUIDPipe({ version: '4' });

function toSummary(client: ClientEntity, userCount: number): ClientSummaryDto {
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

function toClientUser(user: UserEntity, link: TelegramLinkEntity | undefined): ClientUserDto {
  return {
    ...toUserDto(user),
    disabled: user.disabledAt !== null,
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
    telegram: toTelegramState(link),
  };
}

function toClientDto({ client, users, links }: ClientWithUsers): ClientDto {
  return { ...toSummary(client, users.length), users: users.map((user) => toClientUser(user, links.get(user.id))) };
}

@ApiTags('clients')
@Roles('admin', 'agent')
@Controller('clients')
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Post()
  @ApiCreatedResponse({ type: ClientDto, description: 'The client, with its first portal user' })
  @ApiConflictResponse({ type: HttpErrorDto, description: 'A user with this e-mail exists' })
  async createClient(@Body() body: CreateClientDto): Promise<ClientDto> {
    return toClientDto(await this.clients.create(body));
  }

  @Get()
  @ApiOkResponse({ type: ClientListDto })
  async listClients(@Query() query: ClientQueryDto): Promise<ClientListDto> {
    const { items, total } = await this.clients.list(query);
    return { items: items.map(({ client, userCount }) => toSummary(client, userCount)), total };
  }

  @Get(':id')
  @ApiOkResponse({ type: ClientDto })
  @ApiNotFoundResponse({ type: HttpErrorDto })
  async getClient(@Param('id', uuid) id: string): Promise<ClientDto> {
    return toClientDto(await this.clients.get(id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: ClientDto })
  @ApiNotFoundResponse({ type: HttpErrorDto })
  async updateClient(@Param('id', uuid) id: string, @Body() body: UpdateClientDto): Promise<ClientDto> {
    return toClientDto(await this.clients.update(id, body));
  }

  @Post(':id/users')
  @ApiCreatedResponse({ type: ClientDto, description: 'The client with the new user among its users' })
  @ApiNotFoundResponse({ type: HttpErrorDto })
  @ApiConflictResponse({ type: HttpErrorDto, description: 'A user with this e-mail exists' })
  async addClientUser(@Param('id', uuid) id: string, @Body() body: AddClientUserDto): Promise<ClientDto> {
    return toClientDto(await this.clients.addUser(id, body));
  }
}
