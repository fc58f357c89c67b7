import { ERROR_CODES, type ErrorCode } from '@deskgram/shared/contract';
import { ApiProperty } from '@nestjs/swagger';

/** The one error shape of the API (docs/api.md, "Errors"): `{ statusCode, error, message, code? }`. */
export class HttpErrorDto {
  @ApiProperty({ example: 404 })
  statusCode!: number;

  @ApiProperty({ example: 'Not Found' })
  error!: string;

  @ApiProperty({ example: 'Ticket T-1042 was not found' })
  message!: string;

  @ApiProperty({
    required: false,
    enum: ERROR_CODES,
    enumName: 'ErrorCode',
    description: 'Stable machine-readable code of a domain error (docs/api.md, "Errors")',
  })
  code?: ErrorCode;
}
