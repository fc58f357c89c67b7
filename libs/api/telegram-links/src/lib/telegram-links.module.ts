import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TelegramAccounts } from '@deskgram/api/auth';
import { LinkTokenEntity } from './link-token.entity';
import { TelegramLinkEntity } from './telegram-link.entity';
import { TelegramLinksService } from './telegram-links.service';

export const TELEGRAM_LINK_ENTITIES = [TelegramLinkEntity, LinkTokenEntity];

/**
 * The links alone, without the bot: the clients' pages show their users' states, and the Notifications module
 * finds recipients' chats, whether or not a bot is configured. The auth module imports it for `TelegramAccounts`:
 * who a Telegram user signs in as from the Mini App.
 */
@Module({
  imports: [TypeOrmModule.forFeature(TELEGRAM_LINK_ENTITIES)],
  providers: [TelegramLinksService, { provide: TelegramAccounts, useExisting: TelegramLinksService }],
  exports: [TelegramLinksService, TelegramAccounts],
})
export class TelegramLinksModule {}
