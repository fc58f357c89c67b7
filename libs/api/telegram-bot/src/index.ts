export * from './lib/portal/dto/telegram.dto';
export * from './lib/telegram-link.module';
export * from './lib/telegram-bot.options';
export { type BotState, type BotStatus, TelegramBotRunner } from './lib/runner/telegram-bot.runner';
export { TELEGRAM_BOT_ENTITIES } from './lib/conversation/entities';
export {
  type InlineButton,
  type InlineKeyboard,
  portalButtonsAllowed,
  ticketKeyboard,
  ticketPortalUrl,
} from './lib/conversation/keyboards';
export { CALLBACK_DATA_LIMIT, parseCallbackData } from './lib/conversation/callback-data';
