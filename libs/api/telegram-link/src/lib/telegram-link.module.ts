import { type DynamicModule, Module } from '@nestjs/common';
import { TelegrafModule } from 'nestjs-telegraf';
import { TelegramBotRunner } from './bot/telegram-bot.runner';
import { TelegramBotUpdate } from './bot/telegram-bot.update';
import { TELEGRAM_LINK_OPTIONS, type TelegramLinkOptions } from './telegram-link.options';
import { TelegramConnectionsService } from './telegram-connections.service';
import { TelegramController } from './telegram.controller';
import { TelegramLinksModule } from './telegram-links.module';

/** Answers to a bot command must not wait for ever on a stuck database; Telegram resends after a while anyway. */
const HANDLER_TIMEOUT_MS = 30_000;

/**
 * Telegram linking: the bot (when a token is configured), link tokens and QR codes, status and disconnect. Without a
 * token no bot is created at all and the routes say Telegram is not configured.
 */
@Module({})
export class TelegramLinkModule {
  static forRoot(options: TelegramLinkOptions): DynamicModule {
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
      imports: [TelegramLinksModule, ...bot],
      controllers: [TelegramController],
      providers: [
        { provide: TELEGRAM_LINK_OPTIONS, useValue: options },
        TelegramBotRunner,
        TelegramConnectionsService,
        ...(options.token ? [TelegramBotUpdate] : []),
      ],
      exports: [TelegramBotRunner, TelegramLinksModule],
    };
  }
}
