import { TelegramStateDto } from '@deskgram/api/telegram-links';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNewPassword, NewUserDto, UserDto } from '@deskgram/api/auth';
import { PageQueryDto, TextField, trimText, trimToNull } from '@deskgram/api/common';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';

const PHONE = /^\+?[0-9 ()\-.]{3,50}$/;

export class CreateClientDto {
  @TextField({ max: 200, example: 'Northwind Trading' })
  name!: string;

  @ApiProperty({ description: 'The client’s e-mail; also the sign-in of its first portal user' })
  @Transform(trimText)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 200,
    example: 'Anna Hughes',
    nullable: true,
    type: String,
    description: 'Name of the person who signs in as the first portal user (default: the client’s name)',
  })
  @Transform(trimToNull)
  @IsOptional()
  @IsString()
  @MaxLength(200)
  contactName?: string | null;

  @IsNewPassword('Password of the first portal user')
  password!: string;

  @ApiPropertyOptional({ example: '+44 20 7946 0958', nullable: true, type: String })
  @Transform(trimToNull)
  @IsOptional()
  @Matches(PHONE, { message: 'phone may hold digits, spaces, ( ) - . and a leading +' })
  phone?: string | null;

  @ApiPropertyOptional({ maxLength: 200, nullable: true, type: String })
  @Transform(trimToNull)
  @IsOptional()
  @IsString()
  @MaxLength(200)
  company?: string | null;
}

export class UpdateClientDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @Transform(trimText)
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional()
  @Transform(trimText)
  @ValidateIf((_, value) => value !== undefined)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @Transform(trimToNull)
  @IsOptional()
  @Matches(PHONE, { message: 'phone may hold digits, spaces, ( ) - . and a leading +' })
  phone?: string | null;

  @ApiPropertyOptional({ maxLength: 200, nullable: true, type: String })
  @Transform(trimToNull)
  @IsOptional()
  @IsString()
  @MaxLength(200)
  company?: string | null;
}

export class AddClientUserDto extends NewUserDto {}

export class ClientQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name, e-mail or company', maxLength: 200 })
  @IsOptional()
  @Transform(trimText)
  @IsString()
  @MaxLength(200)
  search?: string;
}

export class ClientSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty({ type: String, nullable: true })
  phone!: string | null;

  @ApiProperty({ type: String, nullable: true })
  company!: string | null;

  @ApiProperty({ description: 'How many portal users the client has' })
  userCount!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class ClientListDto {
  @ApiProperty({ type: [ClientSummaryDto] })
  items!: ClientSummaryDto[];

  @ApiProperty()
  total!: number;
}

export class ClientUserDto extends UserDto {
  @ApiProperty()
  disabled!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastSignInAt!: string | null;

  @ApiProperty({ type: TelegramStateDto, description: 'Whether this user hears from Deskgram on Telegram' })
  telegram!: TelegramStateDto;
}

export class ClientDto extends ClientSummaryDto {
  @ApiProperty({ type: [ClientUserDto] })
  users!: ClientUserDto[];
}
