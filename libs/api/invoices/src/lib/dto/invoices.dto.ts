import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EnumField, PageQueryDto, TextField } from '@deskgram/api/common';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
import { INVOICE_STATUSES, type InvoiceStatus } from '@deskgram/shared/contract';

const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

const QUANTITY_MESSAGE = 'quantity must be a number or a decimal string such as 2 or "1.5", with up to 3 decimals';

/**
 * A JSON number becomes the decimal string it is written as, so both forms meet the same rules: 2.5 -> "2.5", while
 * 1e21, -1 or 0.1 + 0.2 (0.30000000000000004) fail the pattern instead of being rounded.
 */
const quantityText = ({ value }: { value: unknown }) =>
  typeof value === 'number' && Number.isFinite(value) ? String(value) : value;

export class InvoiceItemInputDto {
  @TextField({ max: 500, example: 'Support hours, November' })
  description!: string;

  /** Taken as a number or a string; always a decimal string once transformed. */
  @ApiProperty({
    oneOf: [
      { type: 'string', pattern: '^\\d{1,9}(\\.\\d{1,3})?$', example: '1.5' },
      { type: 'number', minimum: 0, example: 3 },
    ],
    description: 'A number or a decimal string, at least 0, with up to 9 digits before the point and 3 after',
  })
  @Transform(quantityText)
  @IsString({ message: QUANTITY_MESSAGE })
  @Matches(/^\d{1,9}(\.\d{1,3})?$/, { message: QUANTITY_MESSAGE })
  quantity!: string;

  @ApiProperty({ example: '40.50', description: 'A decimal string in the invoice currency' })
  @IsString({ message: 'unitPrice must be a decimal string such as "40.50"' })
  @Matches(/^\d{1,15}(\.\d{1,4})?$/, { message: 'unitPrice must be a decimal string such as "40.50"' })
  unitPrice!: string;
}

export class CreateInvoiceDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'clientId must be a UUID' })
  clientId!: string;

  @ApiProperty({ example: 'EUR', description: 'ISO 4217' })
  @Transform(upper)
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency!: string;

  @ApiProperty({ format: 'date', example: '2026-12-31' })
  @IsDateString({ strict: true }, { message: 'dueDate must be a date such as 2026-12-31' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate must be a date such as 2026-12-31' })
  dueDate!: string;

  @ApiProperty({ type: [InvoiceItemInputDto] })
  @IsArray({ message: 'items must be a list' })
  @ArrayMinSize(1, { message: 'an invoice needs at least one item' })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => InvoiceItemInputDto)
  items!: InvoiceItemInputDto[];
}

export class UpdateInvoiceDto {
  @ApiPropertyOptional({ example: 'EUR' })
  @IsOptional()
  @Transform(upper)
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'dueDate must be a date such as 2026-12-31' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate must be a date such as 2026-12-31' })
  dueDate?: string;

  @ApiPropertyOptional({ type: [InvoiceItemInputDto] })
  @IsOptional()
  @IsArray({ message: 'items must be a list' })
  @ArrayMinSize(1, { message: 'an invoice needs at least one item' })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => InvoiceItemInputDto)
  items?: InvoiceItemInputDto[];
}

export class InvoiceQueryDto extends PageQueryDto {
  @EnumField(INVOICE_STATUSES, 'InvoiceStatus', { optional: true })
  status?: InvoiceStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Staff only' })
  @IsOptional()
  @IsUUID('4', { message: 'clientId must be a UUID' })
  clientId?: string;
}

export class InvoiceItemDto {
  @ApiProperty() description!: string;
  @ApiProperty({ example: '3' }) quantity!: string;
  @ApiProperty({ example: '40.50' }) unitPrice!: string;
  @ApiProperty({ example: '121.50' }) amount!: string;
}

export class InvoiceDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true, example: 'INV-2026-0007', description: 'Given when issued' })
  number!: string | null;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty() clientName!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ example: '221.50' }) total!: string;
  @ApiProperty({ enum: INVOICE_STATUSES, enumName: 'InvoiceStatus' }) status!: InvoiceStatus;
  @ApiProperty({ format: 'date' }) dueDate!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) issuedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) paidAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class InvoiceDetailDto extends InvoiceDto {
  @ApiProperty({ type: [InvoiceItemDto] }) items!: InvoiceItemDto[];
}

export class InvoiceListDto {
  @ApiProperty({ type: [InvoiceDto] }) items!: InvoiceDto[];
  @ApiProperty() total!: number;
}
