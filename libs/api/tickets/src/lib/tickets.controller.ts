import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Roles, SignedIn } from '@deskgram/api/auth';
import { HttpErrorDto, IdParam } from '@deskgram/api/common';
import {
  AddMessageDto,
  CreateTicketDto,
  TicketCountsDto,
  TicketDetailDto,
  type TicketDto,
  TicketListDto,
  TicketMessageDto,
  TicketQueryDto,
  UpdateTicketDto,
} from './dto/tickets.dto';
import type { TicketMessageEntity } from './ticket-message.entity';
import { type TicketEntity, ticketNumber } from './ticket.entity';
import { type TicketWithThread, TicketsService } from './tickets.service';

function toTicketDto(ticket: TicketEntity): TicketDto {
  return {
    id: ticket.id,
    number: ticketNumber(ticket.seq),
    subject: ticket.subject,
    status: ticket.status,
    priority: ticket.priority,
    clientId: ticket.clientId,
    clientName: ticket.client?.name ?? '',
    creatorId: ticket.creatorId,
    assigneeId: ticket.assigneeId,
    assigneeName: ticket.assignee?.displayName ?? null,
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
    lastActivityAt: ticket.lastActivityAt.toISOString(),
  };
}

function toMessageDto(message: TicketMessageEntity): TicketMessageDto {
  return {
    id: message.id,
    body: message.body,
    authorId: message.authorId,
    authorName: message.author?.displayName ?? '',
    authorRole: message.authorRole,
    internal: message.internal,
    via: message.via,
    createdAt: message.createdAt.toISOString(),
  };
}

function toDetail({ ticket, messages }: TicketWithThread): TicketDetailDto {
  return { ...toTicketDto(ticket), messages: messages.map(toMessageDto) };
}

@ApiTags('tickets')
@SignedIn()
@Controller('tickets')
export class TicketsController {
  constructor(private readonly tickets: TicketsService) {}

  @Post()
  @ApiCreatedResponse({ type: TicketDetailDto })
  async createTicket(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateTicketDto): Promise<TicketDetailDto> {
    return toDetail(await this.tickets.create(user, body));
  }

  @Get()
  @ApiOkResponse({ type: TicketListDto, description: 'Most recent activity first' })
  async listTickets(@CurrentUser() user: AuthenticatedUser, @Query() query: TicketQueryDto): Promise<TicketListDto> {
    const { items, total } = await this.tickets.list(user, query);
    return { items: items.map(toTicketDto), total };
  }

  @Roles('admin', 'agent')
  @Get('counts')
  @ApiOkResponse({ type: TicketCountsDto, description: 'Tickets per status under the same filters' })
  countTickets(@CurrentUser() user: AuthenticatedUser, @Query() query: TicketQueryDto): Promise<TicketCountsDto> {
    return this.tickets.counts(user, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: TicketDetailDto })
  @ApiNotFoundResponse({ type: HttpErrorDto, description: 'No such ticket, or not yours' })
  async getTicket(@CurrentUser() user: AuthenticatedUser, @IdParam() id: string): Promise<TicketDetailDto> {
    return toDetail(await this.tickets.get(user, id));
  }

  @Post(':id/messages')
  @ApiCreatedResponse({ type: TicketMessageDto })
  @ApiNotFoundResponse({ type: HttpErrorDto })
  @ApiForbiddenResponse({ type: HttpErrorDto, description: 'A client tried to write an internal note' })
  @ApiConflictResponse({ type: HttpErrorDto, description: 'The ticket is closed' })
  async addTicketMessage(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Body() body: AddMessageDto,
  ): Promise<TicketMessageDto> {
    return toMessageDto(await this.tickets.addMessage(user, id, body));
  }

  @Roles('admin', 'agent')
  @Patch(':id')
  @ApiOkResponse({ type: TicketDetailDto })
  @ApiNotFoundResponse({ type: HttpErrorDto })
  async updateTicket(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Body() body: UpdateTicketDto,
  ): Promise<TicketDetailDto> {
    return toDetail(await this.tickets.update(user, id, body));
  }
}
