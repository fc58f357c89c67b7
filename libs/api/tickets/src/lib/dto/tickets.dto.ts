import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EnumField, PageQueryDto, TextField, trimText } from '@deskgram/api/common';
import { MAX_FILES_PER_MESSAGE } from '../attachments/attachments.options';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import {
  MESSAGE_CHANNELS,
  type MessageChannel,
  ROLES,
  type Role,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type TicketPriority,
  type TicketStatus,
} from '@deskgram/shared/contract';

export const MAX_SUBJECT = 200;

/** A form field says "true" or "false"; JSON says true or false. */
const formBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
export const MAX_BODY = 20_000;

export class CreateTicketDto {
  @TextField({ max: MAX_SUBJECT, example: 'Invoice INV-2026-0007 shows the wrong VAT' })
  subject!: string;

  @TextField({
    max: MAX_BODY,
    optional: true,
    description: 'What happened; the first message of the thread. May be left out only when files are attached',
  })
  body?: string;

  @EnumField(TICKET_PRIORITIES, 'TicketPriority', { optional: true, default: 'normal' })
  priority?: TicketPriority;

  @ApiPropertyOptional({ format: 'uuid', description: 'Staff only, and required for staff: the ticket’s client' })
  @IsOptional()
  @IsUUID('4', { message: 'clientId must be a UUID' })
  clientId?: string;
}

export class AddMessageDto {
  @TextField({ max: MAX_BODY, optional: true, description: 'May be left out only when files are attached' })
  body?: string;

  @ApiPropertyOptional({ default: false, description: 'Staff only: an internal note, never shown to the client' })
  @IsOptional()
  @Transform(formBoolean)
  @IsBoolean({ message: 'internal must be true or false' })
  internal?: boolean;
}

/** The files of a `multipart/form-data` body, as OpenAPI describes them. */
const FILES_PROPERTY = {
  type: 'array',
  items: { type: 'string', format: 'binary' },
  maxItems: MAX_FILES_PER_MESSAGE,
  description: `Up to ${MAX_FILES_PER_MESSAGE} files, each at most MAX_ATTACHMENT_MB (20) MB and not empty`,
} as const;

/** `POST /api/tickets` as `multipart/form-data`: the same fields as text, and the files. */
export class CreateTicketFormDto extends CreateTicketDto {
  @ApiPropertyOptional(FILES_PROPERTY)
  files?: unknown[];
}

/** `POST /api/tickets/:id/messages` as `multipart/form-data`: the same fields as text, and the files. */
export class AddMessageFormDto {
  @ApiPropertyOptional({ maxLength: MAX_BODY, description: 'May be left out only when files are attached' })
  body?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false', description: 'Staff only: an internal note' })
  internal?: string;

  @ApiPropertyOptional(FILES_PROPERTY)
  files?: unknown[];
}

export class UpdateTicketDto {
  @EnumField(TICKET_STATUSES, 'TicketStatus', { optional: true })
  status?: TicketStatus;

  @EnumField(TICKET_PRIORITIES, 'TicketPriority', { optional: true })
  priority?: TicketPriority;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'A staff user; null unassigns' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID('4', { message: 'assigneeId must be a UUID or null' })
  assigneeId?: string | null;
}

export class TicketQueryDto extends PageQueryDto {
  @EnumField(TICKET_STATUSES, 'TicketStatus', { optional: true })
  status?: TicketStatus;

  @EnumField(TICKET_PRIORITIES, 'TicketPriority', { optional: true })
  priority?: TicketPriority;

  @ApiPropertyOptional({ description: 'A staff user’s id, or `none` for unassigned tickets' })
  @IsOptional()
  @ValidateIf((_, value) => value !== 'none')
  @IsUUID('4', { message: 'assigneeId must be a UUID or "none"' })
  assigneeId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Staff only' })
  @IsOptional()
  @IsUUID('4', { message: 'clientId must be a UUID' })
  clientId?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Part of the subject, or a ticket number such as T-1042' })
  @IsOptional()
  @Transform(trimText)
  @IsString()
  @MaxLength(200)
  search?: string;
}

export class TicketDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'T-1042' })
  number!: string;

  @ApiProperty()
  subject!: string;

  @ApiProperty({ enum: TICKET_STATUSES, enumName: 'TicketStatus' })
  status!: TicketStatus;

  @ApiProperty({ enum: TICKET_PRIORITIES, enumName: 'TicketPriority' })
  priority!: TicketPriority;

  @ApiProperty({ format: 'uuid' })
  clientId!: string;

  @ApiProperty()
  clientName!: string;

  @ApiProperty({ format: 'uuid' })
  creatorId!: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  assigneeId!: string | null;

  @ApiProperty({ nullable: true, type: String })
  assigneeName!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ format: 'date-time' })
  lastActivityAt!: string;
}

export class TicketListDto {
  @ApiProperty({ type: [TicketDto] })
  items!: TicketDto[];

  @ApiProperty({ description: 'Every match under the filters; for staff at most 1,000 (see totalCapped)' })
  total!: number;

  @ApiProperty({
    description:
      'More than 1,000 tickets match (staff only): total is then 1,000 and the list shows "1,000+". A client’s ' +
      'total is always exact',
  })
  totalCapped!: boolean;
}

export class AttachmentDto {
  @ApiProperty({ format: 'uuid', description: 'Download with GET /api/attachments/{id}' })
  id!: string;

  @ApiProperty({ example: 'invoice-scan.pdf' })
  fileName!: string;

  @ApiProperty({ description: 'In bytes' })
  size!: number;

  @ApiProperty({ example: 'application/pdf', description: 'Found from the bytes' })
  contentType!: string;
}

export class TicketMessageDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'Empty when the message is only files' })
  body!: string;

  @ApiProperty({ format: 'uuid' })
  authorId!: string;

  @ApiProperty()
  authorName!: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  authorRole!: Role;

  @ApiProperty()
  internal!: boolean;

  @ApiProperty({ enum: MESSAGE_CHANNELS, enumName: 'MessageChannel' })
  via!: MessageChannel;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: [AttachmentDto], description: 'In the order they were sent; empty when none' })
  attachments!: AttachmentDto[];
}

export class TicketDetailDto extends TicketDto {
  @ApiProperty({ type: [TicketMessageDto], description: 'Oldest first; clients never receive internal notes' })
  messages!: TicketMessageDto[];
}

export class TicketCountsDto {
  @ApiProperty() open!: number;
  @ApiProperty() in_progress!: number;
  @ApiProperty() waiting_for_client!: number;
  @ApiProperty() resolved!: number;
  @ApiProperty() closed!: number;
}
