import { Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Public, Roles } from '@deskgram/api/auth';
import { HttpErrorDto, NotFoundError } from '@deskgram/api/common';
import type { Request, Response } from 'express';
import { TelegramBotRunner } from '../runner/telegram-bot.runner';
import { TelegramLinkDto, TelegramStatusDto } from './dto/telegram.dto';
import { TelegramCardService } from './telegram-card.service';

/**
 * The seven routes of the original integration, kept as they were: `client/...` for a client's portal users,
 * `user/...` for staff, and the webhook. (Staff writing to a client's Telegram lives with the notifications.)
 */
@ApiTags('telegram')
@Controller('telegram')
export class TelegramController {
  constructor(
    private readonly connections: TelegramCardService,
    private readonly bot: TelegramBotRunner,
  ) {}

  @Roles('client')
  @Post('client/generate-link')
  @HttpCode(200)
  @ApiOkResponse({ type: TelegramLinkDto })
  @ApiServiceUnavailableResponse({ type: HttpErrorDto, description: 'No bot is configured, or it is not available' })
  generateClientLink(@CurrentUser() user: AuthenticatedUser): Promise<TelegramLinkDto> {
    return this.connections.generateLink(user.id);
  }

  @Roles('client')
  @Get('client/status')
  @ApiOkResponse({ type: TelegramStatusDto })
  getClientTelegramStatus(@CurrentUser() user: AuthenticatedUser): Promise<TelegramStatusDto> {
    return this.connections.status(user.id);
  }

  @Roles('client')
  @Post('client/disconnect')
  @HttpCode(200)
  @ApiOkResponse({ type: TelegramStatusDto, description: 'The state after disconnecting' })
  disconnectClientTelegram(@CurrentUser() user: AuthenticatedUser): Promise<TelegramStatusDto> {
    return this.connections.disconnect(user.id);
  }

  @Roles('admin', 'agent')
  @Post('user/generate-link')
  @HttpCode(200)
  @ApiOkResponse({ type: TelegramLinkDto })
  @ApiServiceUnavailableResponse({ type: HttpErrorDto, description: 'No bot is configured, or it is not available' })
  generateStaffLink(@CurrentUser() user: AuthenticatedUser): Promise<TelegramLinkDto> {
    return this.connections.generateLink(user.id);
  }

  @Roles('admin', 'agent')
  @Get('user/status')
  @ApiOkResponse({ type: TelegramStatusDto })
  getStaffTelegramStatus(@CurrentUser() user: AuthenticatedUser): Promise<TelegramStatusDto> {
    return this.connections.status(user.id);
  }

  @Roles('admin', 'agent')
  @Post('user/disconnect')
  @HttpCode(200)
  @ApiOkResponse({ type: TelegramStatusDto, description: 'The state after disconnecting' })
  disconnectStaffTelegram(@CurrentUser() user: AuthenticatedUser): Promise<TelegramStatusDto> {
    return this.connections.disconnect(user.id);
  }

  /** Telegram posts updates here in webhook mode; telegraf checks the secret header and answers 403 without it. */
  @Public()
  @Post('webhook')
  @ApiExcludeEndpoint()
  async receiveUpdate(@Req() request: Request, @Res() response: Response): Promise<void> {
    const bot = this.bot.telegraf;
    if (!bot || this.bot.status.mode !== 'webhook') {
      throw new NotFoundError('telegram.webhook_off', 'This server does not take Telegram updates by webhook');
    }
    const callback = bot.webhookCallback(request.url, { secretToken: this.bot.webhookSecret });
    await callback(request, response, () => {
      response.status(403).json({
        statusCode: 403,
        error: 'Forbidden',
        message: 'The X-Telegram-Bot-Api-Secret-Token header does not match TELEGRAM_WEBHOOK_SECRET',
      });
    });
  }
}
