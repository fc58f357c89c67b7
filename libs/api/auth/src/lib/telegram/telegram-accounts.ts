import type { UserEntity } from '../user.entity';

/**
 * Who a Telegram user signs in as from the Mini App. The links live in libs/api/telegram-links, which builds on
 * this library; it provides the implementation (`AuthModule.forRoot`'s `telegramAccounts` module exports it).
 */
export abstract class TelegramAccounts {
  /**
   * The enabled portal user this Telegram user may sign in as through a connected link, or null: the most recently
   * linked one when the Telegram user linked several, as the bot chooses.
   */
  abstract signInUserOf(telegramUserId: string): Promise<UserEntity | null>;
}
