import { Inject, Injectable } from '@nestjs/common';
import { telegramNotConfigured, UnavailableError } from '@deskgram/api/common';
import { toDataURL } from 'qrcode';
import { TelegramBotRunner } from '../runner/telegram-bot.runner';
import { TELEGRAM_BOT_OPTIONS, type TelegramBotOptions } from '../telegram-bot.options';
import type { TelegramLinkDto, TelegramStatusDto } from './dto/telegram.dto';
import { TelegramLinksService, toTelegramState } from '@deskgram/api/telegram-links';

/** The portal's side of linking: the QR code, the state for the card, and disconnecting. */
@Injectable()
export class TelegramCardService {
  constructor(
    private readonly links: TelegramLinksService,
    private readonly bot: TelegramBotRunner,
    @Inject(TELEGRAM_BOT_OPTIONS) private readonly options: TelegramBotOptions,
  ) {}

  async generateLink(userId: string): Promise<TelegramLinkDto> {
    const bot = this.bot.status;
    if (!bot.configured) throw telegramNotConfigured();
    if (bot.state === 'unauthorized' || !bot.username) {
      throw new UnavailableError(
        'telegram.bot_unavailable',
        `The Telegram bot is not available right now${bot.message ? `: ${bot.message}` : ''}. Try again later`,
      );
    }
    const { token, expiresAt } = await this.links.createToken(userId);
    const url = this.options.startLink?.(token) ?? `https://t.me/${bot.username}?start=${token}`;
    // Margin and size so that a phone reads it from a laptop screen; M tolerates a little glare.
    const qrCode = await toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: 320 });
    return { url, qrCode, expiresAt: expiresAt.toISOString() };
  }

  async status(userId: string): Promise<TelegramStatusDto> {
    const link = await this.links.linkOf(userId);
    return {
      botConfigured: this.bot.status.configured,
      ...toTelegramState(link),
      firstName: link?.firstName ?? null,
    };
  }

  async disconnect(userId: string): Promise<TelegramStatusDto> {
    await this.links.disconnect(userId);
    return this.status(userId);
  }
}
