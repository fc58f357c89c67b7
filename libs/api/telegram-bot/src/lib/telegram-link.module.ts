import { type DynamicModule, Module } from '@nestjs/common';
import { TelegrafModule } from 'nestjs-telegraf';
import { TelegramBotRunner } from './runner/telegram-bot.runner';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TicketsModule } from '@deskgram/api/tickets';
import { ConversationService } from './conversation/conversation.service';
import { TELEGRAM_BOT_ENTITIES } from './conversation/entities';
import { BotChat } from './updates/bot-chat';
import { ConversationUpdate } from './updates/conversation.update';
import { LinkingUpdate } from './updates/linking.update';
import { TELEGRAM_BOT_OPTIONS, type TelegramBotOptions } from './telegram-bot.options';
import { TelegramCardService } from './portal/telegram-card.service';
import { TelegramController } from './portal/telegram.controller';
import { TelegramLinksModule } from '@deskgram/api/telegram-links';

/** Answers to a bot command must not wait for ever on a stuck database; Telegram resends after a while anyway. */
const HANDLER_TIMEOUT_MS = 30_000;

/**
 * Telegram linking: the bot (when a token is configured), link tokens and QR codes, status and disconnect. Without a
 * token no bot is created at all and the routes say Telegram is not configured.
 */
@Module({})
export class TelegramLinkModule {
  static forRoot(options: TelegramBotOptions): DynamicModule {
    const bot = options.token
      ? [
          TelegrafModule.forRoot({
            token: options.token,
            launchOptions: false,
            include: [TelegramLinkModule],
            options: {
              handlerTimeout: HANDLER_TIMEOUT_MS,
              // Answers go out as API calls, never inside the webhook's HTTP response, so every answer is checked.
              telegram: { apiRoot: options.apiRoot, webhookReply: false },
            },
          }),
        ]
      : [];
    return {
      module: TelegramLinkModule,
      // Global: health reports the bot, and the deliverer sends through it.
      global: true,
      imports: [TelegramLinksModule, TicketsModule, TypeOrmModule.forFeature(TELEGRAM_BOT_ENTITIES), ...bot],
      controllers: [TelegramController],
      providers: [
        { provide: TELEGRAM_BOT_OPTIONS, useValue: options },
        TelegramBotRunner,
        TelegramCardService,
        ConversationService,
        BotChat,
        // In this order: the linking commands are matched before the conversation takes any other text.
        ...(options.token ? [LinkingUpdate, ConversationUpdate] : []),
      ],
      exports: [TelegramBotRunner, TelegramLinksModule],
    };
  }
}
