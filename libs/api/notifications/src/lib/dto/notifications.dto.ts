import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EnumField, PageQueryDto } from '@deskgram/api/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  DELIVERY_STATUSES,
  type DeliveryStatus,
  NOTIFICATION_KINDS,
  type NotificationKind,
  ROLES,
  type Role,
} from '@deskgram/shared/contract';

export class PreferenceDto {
  @EnumField(NOTIFICATION_KINDS, 'NotificationKind')
  kind!: NotificationKind;

  @ApiProperty({ description: 'Whether this kind reaches me on Telegram' })
  @IsBoolean({ message: 'enabled must be true or false' })
  enabled!: boolean;
}

export class PreferencesDto {
  @ApiProperty({ type: [PreferenceDto], description: 'One switch per kind that concerns my role' })
  items!: PreferenceDto[];
}

export class UpdatePreferencesDto {
  @ApiProperty({ type: [PreferenceDto], description: 'The switches to change; kinds left out keep their setting' })
  @ValidateNested({ each: true })
  @Type(() => PreferenceDto)
  @ArrayMaxSize(NOTIFICATION_KINDS.length * 2)
  items!: PreferenceDto[];
}

export class DeliveryQueryDto extends PageQueryDto {
  @EnumField(DELIVERY_STATUSES, 'DeliveryStatus', { optional: true })
  status?: DeliveryStatus;

  @EnumField(NOTIFICATION_KINDS, 'NotificationKind', { optional: true })
  kind?: NotificationKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only deliveries to this portal user' })
  @IsOptional()
  @IsUUID('4', { message: 'recipientId must be a UUID' })
  recipientId?: string;
}

export class DeliveryRecipientDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  role!: Role;
}

/** One row of the delivery log: never a Telegram id. */
export class DeliveryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: DeliveryRecipientDto })
  recipient!: DeliveryRecipientDto;

  @ApiProperty({ enum: NOTIFICATION_KINDS, enumName: 'NotificationKind' })
  kind!: NotificationKind;

  @ApiProperty({ description: 'What it is about: a ticket or invoice number, or the client' })
  reference!: string;

  @ApiProperty({ description: 'The message as plain text, shortened' })
  preview!: string;

  @ApiProperty({ enum: DELIVERY_STATUSES, enumName: 'DeliveryStatus' })
  status!: DeliveryStatus;

  @ApiProperty()
  attempts!: number;

  @ApiProperty({ type: String, nullable: true })
  lastError!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', type: String, nullable: true })
  sentAt!: string | null;

  @ApiProperty({ format: 'date-time', description: 'When a pending delivery is tried next' })
  nextAttemptAt!: string;
}

export class DeliveryListDto {
  @ApiProperty({ type: [DeliveryDto] })
  items!: DeliveryDto[];

  @ApiProperty()
  total!: number;
}

export class SendMessageDto {
  @ApiProperty({ minLength: 1, maxLength: 4000, description: 'Sent verbatim to the client’s connected users' })
  @IsString({ message: 'message must be text' })
  @Matches(/\S/, { message: 'message must not be empty' })
  @MaxLength(4000, { message: 'message must be at most 4,000 characters' })
  message!: string;
}

export class SendMessageResultDto {
  @ApiProperty({ description: 'How many messages were queued (one per connected user who did not mute them)' })
  queued!: number;
}
