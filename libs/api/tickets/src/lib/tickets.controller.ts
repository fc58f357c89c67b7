import { Body, Controller, Get, Patch, Post, Query, UploadedFiles, UseInterceptors } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Roles, SignedIn } from '@deskgram/api/auth';
import { ApiJsonOrMultipartBody, HttpErrorDto, IdParam } from '@deskgram/api/common';
import {
  AddMessageDto,
  AddMessageFormDto,
  CreateTicketDto,
  CreateTicketFormDto,
  TicketCountsDto,
  TicketDetailDto,
  TicketListDto,
  TicketMessageDto,
  TicketQueryDto,
  UpdateTicketDto,
} from './dto/tickets.dto';
import { TicketsService } from './tickets.service';
import { AttachmentUploadInterceptor } from './attachments/attachment-upload.interceptor';
import { attachmentInputs, type UploadedFile } from './attachments/uploaded-files';
import { toDetail, toMessageDto, toTicketListItem } from './tickets.mapper';

@ApiTags('tickets')
@SignedIn()
@Controller('tickets')
export class TicketsController {
  constructor(private readonly tickets: TicketsService) {}

  @Post()
  @UseInterceptors(AttachmentUploadInterceptor)
  @ApiJsonOrMultipartBody(CreateTicketDto, CreateTicketFormDto)
  @ApiCreatedResponse({ type: TicketDetailDto })
  @ApiPayloadTooLargeResponse({ type: HttpErrorDto, description: 'A file is over MAX_ATTACHMENT_MB' })
  async createTicket(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateTicketDto,
    @UploadedFiles() files?: UploadedFile[],
  ): Promise<TicketDetailDto> {
    return toDetail(await this.tickets.create(user, body, { files: attachmentInputs(files) }));
  }

  @Get()
  @ApiOkResponse({ type: TicketListDto, description: 'Most recent activity first' })
  async listTickets(@CurrentUser() user: AuthenticatedUser, @Query() query: TicketQueryDto): Promise<TicketListDto> {
    const { items, total, totalCapped } = await this.tickets.list(user, query);
    return { items: items.map(toTicketListItem), total, totalCapped };
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
  @UseInterceptors(AttachmentUploadInterceptor)
  @ApiJsonOrMultipartBody(AddMessageDto, AddMessageFormDto)
  @ApiCreatedResponse({ type: TicketMessageDto })
  @ApiPayloadTooLargeResponse({ type: HttpErrorDto, description: 'A file is over MAX_ATTACHMENT_MB' })
  @ApiNotFoundResponse({ type: HttpErrorDto })
  @ApiForbiddenResponse({ type: HttpErrorDto, description: 'A client tried to write an internal note' })
  @ApiConflictResponse({ type: HttpErrorDto, description: 'The ticket is closed' })
  async addTicketMessage(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Body() body: AddMessageDto,
    @UploadedFiles() files?: UploadedFile[],
  ): Promise<TicketMessageDto> {
    return toMessageDto(await this.tickets.addMessage(user, id, body, { files: attachmentInputs(files) }));
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
