import { Controller, Get, Header, Res, StreamableFile } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, SignedIn } from '@deskgram/api/auth';
import { HttpErrorDto, IdParam } from '@deskgram/api/common';
import type { Response } from 'express';
import { contentDisposition } from './attachment-files';
import { AttachmentsService } from './attachments.service';

@ApiTags('tickets')
@SignedIn()
@Controller('attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

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
