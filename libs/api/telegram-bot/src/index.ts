export * from './lib/portal/dto/telegram.dto';
export * from './lib/telegram-link.module';
export * from './lib/telegram-bot.options';
export { type BotState, type BotStatus, TelegramBotRunner } from './lib/runner/telegram-bot.runner';
