import { Controller, Get, Header, Inject, Res, StreamableFile } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProperty, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, SignedIn } from '@deskgram/api/auth';
import { HttpErrorDto, IdParam } from '@deskgram/api/common';
import type { Response } from 'express';
import { contentDisposition } from './attachment-files';
import { ATTACHMENTS_OPTIONS, type AttachmentsOptions, MAX_FILES_PER_MESSAGE } from './attachments.options';
import { AttachmentsService } from './attachments.service';

/** What one message may carry, as this server is configured (`MAX_ATTACHMENT_MB`). */
export class AttachmentLimitsDto {
  @ApiProperty({ example: 10, description: 'Files one message may carry' })
  maxFiles!: number;

  @ApiProperty({ example: 20971520, description: 'The largest file taken, in bytes' })
  maxFileBytes!: number;
}

@ApiTags('tickets')
@SignedIn()
@Controller('attachments')
export class AttachmentsController {
  constructor(
    private readonly attachments: AttachmentsService,
    @Inject(ATTACHMENTS_OPTIONS) private readonly options: AttachmentsOptions,
  ) {}

  /** The limits the forms show before anything is uploaded; the upload routes enforce them. */
  @Get('limits')
  @ApiOkResponse({ type: AttachmentLimitsDto })
  getAttachmentLimits(): AttachmentLimitsDto {
    return { maxFiles: MAX_FILES_PER_MESSAGE, maxFileBytes: this.options.maxFileBytes };
  }

  /**
   * The bytes exactly as uploaded, always as a download (`Content-Disposition: attachment`, `nosniff`), under the
   * ticket's rules: another client's file, or a file of an internal note for a client, is a 404.
   */
  @Get(':id')
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'private, no-store')
  @ApiOkResponse({
    description: 'The file as uploaded; Content-Type is its contentType, Content-Disposition names it',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
    headers: {
      'Content-Disposition': { schema: { type: 'string' }, description: 'attachment; filename="..."; filename*=...' },
      'X-Content-Type-Options': { schema: { type: 'string', enum: ['nosniff'] } },
    },
  })
  @ApiUnauthorizedResponse({ type: HttpErrorDto })
  @ApiNotFoundResponse({ type: HttpErrorDto, description: 'No such file, or not yours' })
  async downloadAttachment(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { attachment, content } = await this.attachments.open(user, id);
    response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    return new StreamableFile(content, {
      type: attachment.contentType,
      length: attachment.size,
      disposition: contentDisposition(attachment.fileName),
    });
  }
}
