import { ApiProperty } from '@nestjs/swagger';
import { trimText } from '@deskgram/api/common';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ROLES, type Role } from '@deskgram/shared/contract';
import { IsNewPassword } from './password';
import { MAX_INIT_DATA_LENGTH } from '../telegram/init-data';

export class SignInDto {
  @ApiProperty({ example: 'anna@northwind.example' })
  @Transform(trimText)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @IsNotEmpty({ message: 'password must not be empty' })
  @MaxLength(200)
  password!: string;
}

export class TelegramSignInDto {
  @ApiProperty({
    description:
      "The Mini App's raw init data (`Telegram.WebApp.initData`): the URL-encoded query string Telegram signed, as it is",
    example: 'query_id=AAH...&user=%7B%22id%22%3A...%7D&auth_date=1764754200&signature=...&hash=5f1c...',
    maxLength: MAX_INIT_DATA_LENGTH,
  })
  @IsString()
  @IsNotEmpty({ message: 'initData must not be empty' })
  @MaxLength(MAX_INIT_DATA_LENGTH)
  initData!: string;
}

export class RefreshTokenDto {
  @ApiProperty({ description: 'The refresh token from sign-in or the last refresh' })
  @IsString()
  @IsNotEmpty({ message: 'refreshToken must not be empty' })
  @MaxLength(200)
  refreshToken!: string;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  role!: Role;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The client a client user belongs to' })
  clientId!: string | null;
}

export class SessionDto {
  @ApiProperty({ description: 'JWT for `Authorization: Bearer`; valid for 15 minutes' })
  accessToken!: string;

  @ApiProperty({ description: 'Opaque; works once, for 30 days' })
  refreshToken!: string;

  @ApiProperty({ type: UserDto })
  user!: UserDto;
}

export class ChangePasswordDto {
  @ApiProperty({ description: 'The password the person signs in with now' })
  @IsString()
  @IsNotEmpty({ message: 'currentPassword must not be empty' })
  @MaxLength(200)
  currentPassword!: string;

  @IsNewPassword()
  newPassword!: string;
}

export class ResetPasswordDto {
  @ApiProperty({ description: 'The token from the reset link (after `#token=`)' })
  @IsString()
  @IsNotEmpty({ message: 'token must not be empty' })
  @MaxLength(200)
  token!: string;

  @IsNewPassword()
  password!: string;
}
