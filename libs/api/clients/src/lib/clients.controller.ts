import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ResetLinkDto, Roles, SetDisabledDto, SetPasswordDto } from '@deskgram/api/auth';
import { HttpErrorDto, IdParam } from '@deskgram/api/common';
import { ClientsService } from './clients.service';
import {
  AddClientUserDto,
  ClientDto,
  ClientListDto,
  ClientQueryDto,
  CreateClientDto,
  UpdateClientDto,
} from './dto/clients.dto';
import { toClientDto, toSummary } from './clients.mapper';

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
  async getClient(@IdParam() id: string): Promise<ClientDto> {
    return toClientDto(await this.clients.get(id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: ClientDto })
  @ApiNotFoundResponse({ type: HttpErrorDto })
  async updateClient(@IdParam() id: string, @Body() body: UpdateClientDto): Promise<ClientDto> {
    return toClientDto(await this.clients.update(id, body));
  }

  @Post(':id/users')
  @ApiCreatedResponse({ type: ClientDto, description: 'The client with the new user among its users' })
  @ApiNotFoundResponse({ type: HttpErrorDto })
  @ApiConflictResponse({ type: HttpErrorDto, description: 'A user with this e-mail exists' })
  async addClientUser(@IdParam() id: string, @Body() body: AddClientUserDto): Promise<ClientDto> {
    return toClientDto(await this.clients.addUser(id, body));
  }

  @Patch(':id/users/:userId')
  @ApiOkResponse({ type: ClientDto, description: 'The client with the changed user among its users' })
  @ApiNotFoundResponse({ type: HttpErrorDto, description: 'No such client, or the user is not one of its users' })
  async updateClientUser(
    @IdParam() id: string,
    @IdParam('userId') userId: string,
    @Body() body: SetDisabledDto,
  ): Promise<ClientDto> {
    return toClientDto(await this.clients.setUserDisabled(id, userId, body.disabled));
  }

  @Post(':id/users/:userId/password')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The password is set; every sign-in of the user has ended' })
  @ApiNotFoundResponse({ type: HttpErrorDto, description: 'No such client, or the user is not one of its users' })
  async setClientUserPassword(
    @IdParam() id: string,
    @IdParam('userId') userId: string,
    @Body() body: SetPasswordDto,
  ): Promise<void> {
    await this.clients.setUserPassword(id, userId, body.password);
  }

  @Post(':id/users/:userId/reset-link')
  @ApiCreatedResponse({
    type: ResetLinkDto,
    description: 'A one-time link, valid for 24 hours; older ones stop working',
  })
  @ApiNotFoundResponse({ type: HttpErrorDto, description: 'No such client, or the user is not one of its users' })
  async createClientUserResetLink(@IdParam() id: string, @IdParam('userId') userId: string): Promise<ResetLinkDto> {
    const link = await this.clients.createUserResetLink(id, userId);
    return { url: link.url, expiresAt: link.expiresAt.toISOString() };
  }
}
