import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EnumField, PageQueryDto, TextField, trimText } from '@deskgram/api/common';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsOptional, IsString, MaxLength } from 'class-validator';
import { STAFF_ROLES, type StaffRole } from '@deskgram/shared/contract';
import { UserDto } from './auth.dto';
import { IsNewPassword } from './password';

/** E-mail, password and name of a new user; shared by staff accounts and client users. */
export class NewUserDto {
  @ApiProperty({ example: 'maria@example.com' })
  @Transform(trimText)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @IsNewPassword()
  password!: string;

  @TextField({ max: 200, example: 'Maria Ivanova' })
  displayName!: string;
}

export class CreateStaffUserDto extends NewUserDto {
  @EnumField(STAFF_ROLES, 'StaffRole', { message: 'role must be admin or agent' })
  role!: StaffRole;
}

export class UpdateStaffUserDto {
  @TextField({ max: 200, optional: true })
  displayName?: string;

  @EnumField(STAFF_ROLES, 'StaffRole', { optional: true, message: 'role must be admin or agent' })
  role?: StaffRole;

  @ApiPropertyOptional({ description: 'A disabled user cannot sign in, and their sessions end' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}

export class StaffUserDto extends UserDto {
  @ApiProperty()
  disabled!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastSignInAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class StaffUserListDto {
  @ApiProperty({ type: [StaffUserDto] })
  items!: StaffUserDto[];

  @ApiProperty()
  total!: number;
}

export class StaffUserQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of a name or e-mail', maxLength: 200 })
  @IsOptional()
  @Transform(trimText)
  @IsString()
  @MaxLength(200)
  search?: string;
}

export class SetPasswordDto {
  @IsNewPassword('The new password; every sign-in of the user ends')
  password!: string;
}

export class SetDisabledDto {
  @ApiProperty({ description: 'A disabled user cannot sign in, and their sessions end at once' })
  @IsBoolean()
  disabled!: boolean;
}

export class ResetLinkDto {
  @ApiProperty({ description: 'The one-time link to pass on; shown once, only its hash is kept' })
  url!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
}
