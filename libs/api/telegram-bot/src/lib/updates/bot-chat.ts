import { Inject, Injectable } from '@nestjs/common';
import type { Context } from 'telegraf';
import { TelegramBotRunner } from '../runner/telegram-bot.runner';
import { TELEGRAM_BOT_OPTIONS, type TelegramBotOptions } from '../telegram-bot.options';
import { botLanguage, botTexts } from '../texts/bot-texts';

/** What every update handler needs to talk back: answers, the portal's address, the private-chat rule. */
@Injectable()
export class BotChat {
  constructor(
    @Inject(TELEGRAM_BOT_OPTIONS) private readonly options: TelegramBotOptions,
    private readonly runner: TelegramBotRunner,
  ) {}

  get publicUrl(): string {
    return this.options.publicUrl;
  }

  portal(): { portal: string } {
    return { portal: this.options.publicUrl };
  }

  /**
   * Answers in the chat of the update, paced with the notifications and surviving Telegram's flood control
   * (TelegramBotRunner.reply). With `replyTo`, the answer quotes that message (and is sent even if it is gone).
   */
  async answer(
    ctx: Context,
    html: string,
    extra: { replyTo?: number; replyMarkup?: unknown } = {},
  ): Promise<{ message_id: number } | undefined> {
    if (!ctx.chat) return undefined;
    return this.runner.reply(ctx.chat.id, html, {
      ...(extra.replyTo ? { reply_parameters: { message_id: extra.replyTo, allow_sending_without_reply: true } } : {}),
      ...(extra.replyMarkup ? { reply_markup: extra.replyMarkup } : {}),
    });
  }

  /**
   * Outside a private chat a command is answered only with the way to the private chat: no account data, no link,
   * nothing created. True when it was refused.
   */
  async refusedOutsidePrivateChat(ctx: Context): Promise<boolean> {
    if (ctx.chat?.type === 'private') return false;
    // A channel has no sender to answer, and Telegram does not route commands to bots there.
    if (!ctx.chat || ctx.chat.type === 'channel') return true;
    // telegraf asks getMe before the first update, so botInfo is there when no username is configured.
    const bot = `https://t.me/${this.options.username ?? ctx.botInfo.username}`;
    await this.answer(ctx, botTexts(botLanguage(ctx.from?.language_code))('privateOnly', { bot }));
    return true;
  }
}
