import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Roles, SignedIn } from '@deskgram/api/auth';
import { HttpErrorDto, IdParam } from '@deskgram/api/common';
import {
  CreateInvoiceDto,
  InvoiceDetailDto,
  InvoiceListDto,
  InvoiceQueryDto,
  UpdateInvoiceDto,
} from './dto/invoices.dto';
import { toDetail, toInvoiceDto } from './invoices.mapper';
import { InvoicesService } from './invoices.service';

@ApiTags('invoices')
@SignedIn()
@Controller('invoices')
export class InvoicesController {
  constructor(private readonly invoices: InvoicesService) {}

  @Roles('admin', 'agent')
  @Post()
  @ApiCreatedResponse({ type: InvoiceDetailDto, description: 'A draft; totals are computed by the server' })
  async createInvoice(@Body() body: CreateInvoiceDto): Promise<InvoiceDetailDto> {
    return toDetail(await this.invoices.create(body));
  }

  @Get()
  @ApiOkResponse({ type: InvoiceListDto, description: 'Newest first; clients see their own, never drafts' })
  async listInvoices(@CurrentUser() user: AuthenticatedUser, @Query() query: InvoiceQueryDto): Promise<InvoiceListDto> {
    const { items, total } = await this.invoices.list(user, query);
    return { items: items.map(toInvoiceDto), total };
  }

  @Get(':id')
  @ApiOkResponse({ type: InvoiceDetailDto })
  @ApiNotFoundResponse({ type: HttpErrorDto })
  async getInvoice(@CurrentUser() user: AuthenticatedUser, @IdParam() id: string): Promise<InvoiceDetailDto> {
    return toDetail(await this.invoices.get(user, id));
  }

  @Roles('admin', 'agent')
  @Patch(':id')
  @ApiOkResponse({ type: InvoiceDetailDto })
  @ApiConflictResponse({ type: HttpErrorDto, description: 'Only drafts can be edited' })
  async updateInvoice(@IdParam() id: string, @Body() body: UpdateInvoiceDto): Promise<InvoiceDetailDto> {
    return toDetail(await this.invoices.update(id, body));
  }

  @Roles('admin', 'agent')
  @Post(':id/issue')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: InvoiceDetailDto })
  @ApiConflictResponse({ type: HttpErrorDto, description: 'Not a draft' })
  async issueInvoice(@CurrentUser() user: AuthenticatedUser, @IdParam() id: string): Promise<InvoiceDetailDto> {
    return toDetail(await this.invoices.transition(user, id, 'issue'));
  }

  @Roles('admin', 'agent')
  @Post(':id/pay')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: InvoiceDetailDto })
  @ApiConflictResponse({ type: HttpErrorDto, description: 'Not issued or overdue' })
  async payInvoice(@CurrentUser() user: AuthenticatedUser, @IdParam() id: string): Promise<InvoiceDetailDto> {
    return toDetail(await this.invoices.transition(user, id, 'pay'));
  }

  @Roles('admin', 'agent')
  @Post(':id/void')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: InvoiceDetailDto })
  @ApiConflictResponse({ type: HttpErrorDto, description: 'Already paid or void' })
  async voidInvoice(@CurrentUser() user: AuthenticatedUser, @IdParam() id: string): Promise<InvoiceDetailDto> {
    return toDetail(await this.invoices.transition(user, id, 'void'));
  }
}
