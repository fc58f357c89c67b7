import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto, trimText } from '@deskgram/api/common';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
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

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Maria Ivanova' })
  @Transform(trimText)
  @IsString()
  @IsNotEmpty({ message: 'displayName must not be empty' })
  @MaxLength(200)
  displayName!: string;
}

export class CreateStaffUserDto extends NewUserDto {
  @ApiProperty({ enum: STAFF_ROLES, enumName: 'StaffRole' })
  @IsIn(STAFF_ROLES, { message: 'role must be admin or agent' })
  role!: StaffRole;
}

export class UpdateStaffUserDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOptional()
  @Transform(trimText)
  @IsString()
  @IsNotEmpty({ message: 'displayName must not be empty' })
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({ enum: STAFF_ROLES, enumName: 'StaffRole' })
  @IsOptional()
  @IsIn(STAFF_ROLES, { message: 'role must be admin or agent' })
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
