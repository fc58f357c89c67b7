import { applyDecorators, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, type ValidationArguments } from 'class-validator';
import { trimText } from './transforms';

/** Only the documentation parts of `@ApiProperty`: the field composites set the rest. */
type ApiDoc = Pick<ApiPropertyOptions, 'description' | 'example' | 'default'>;

/**
 * A text that is trimmed and must not be empty, up to `max` characters: `@ApiProperty` with its limits,
 * `trimText`, `@IsString`, `@IsNotEmpty` and `@MaxLength`, each refusal naming the field. `optional: true` lets it
 * be left out (not set to null).
 */
export function TextField(options: { max: number; optional?: boolean } & ApiDoc): PropertyDecorator {
  const { max, optional = false, ...doc } = options;
  const api = { minLength: 1, maxLength: max, ...doc };
  // Listed innermost first, as stacked decorators are applied, so the refusals keep their order.
  return applyDecorators(
    MaxLength(max, { message: ({ property }: ValidationArguments) => `${property} must be at most ${max} characters` }),
    IsNotEmpty({ message: ({ property }: ValidationArguments) => `${property} must not be empty` }),
    IsString(),
    Transform(trimText),
    ...(optional ? [IsOptional()] : []),
    optional ? ApiPropertyOptional(api) : ApiProperty(api),
  );
}

/**
 * One of the values of a shared enum (@deskgram/shared/contract), published in OpenAPI as the named schema
 * `enumName`, refused otherwise with "<field> must be one of ..." (or `message`).
 */
export function EnumField(
  values: readonly string[],
  enumName: string,
  options: { optional?: boolean; message?: string } & ApiDoc = {},
): PropertyDecorator {
  const { optional = false, message, ...doc } = options;
  const api = { enum: values, enumName, ...doc };
  return applyDecorators(
    IsIn(values, {
      message: message ?? (({ property }: ValidationArguments) => `${property} must be one of ${values.join(', ')}`),
    }),
    ...(optional ? [IsOptional()] : []),
    optional ? ApiPropertyOptional(api) : ApiProperty(api),
  );
}

/** A version 4 UUID route parameter (`:id` unless named): anything else is a 400 before the handler runs. */
export function IdParam(name = 'id'): ParameterDecorator {
  return Param(name, new ParseUUIDPipe({ version: '4' }));
}
