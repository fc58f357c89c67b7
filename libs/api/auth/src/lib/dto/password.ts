import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** The rules of every password a person chooses or is given: 8 to 200 characters. */
export const IsNewPassword = (description?: string) =>
  applyDecorators(
    ApiProperty({ minLength: 8, maxLength: 200, description }),
    IsString(),
    MinLength(8, { message: '$property must be at least 8 characters long' }),
    MaxLength(200),
  );
