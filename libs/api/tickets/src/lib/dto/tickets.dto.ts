import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EnumField, PageQueryDto, TextField, trimText } from '@deskgram/api/common';
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
export const MAX_BODY = 20_000;

export class CreateTicketDto {
  @TextField({ max: MAX_SUBJECT, example: 'Invoice INV-2026-0007 shows the wrong VAT' })
  subject!: string;

  @TextField({ max: MAX_BODY, description: 'What happened; the first message of the thread' })
  body!: string;

  @EnumField(TICKET_PRIORITIES, 'TicketPriority', { optional: true, default: 'normal' })
  priority?: TicketPriority;

  @ApiPropertyOptional({ format: 'uuid', description: 'Staff only, and required for staff: the ticket’s client' })
  @IsOptional()
  @IsUUID('4', { message: 'clientId must be a UUID' })
  clientId?: string;
}

export class AddMessageDto {
  @TextField({ max: MAX_BODY })
  body!: string;

  @ApiPropertyOptional({ default: false, description: 'Staff only: an internal note, never shown to the client' })
  @IsOptional()
  @IsBoolean({ message: 'internal must be true or false' })
  internal?: boolean;
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

  @ApiProperty()
  total!: number;
}

export class TicketMessageDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
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
