export * from './lib/dto/telegram.dto';
export * from './lib/link-token.entity';
export * from './lib/telegram-link.entity';
export * from './lib/telegram-link.module';
export * from './lib/telegram-link.options';
export * from './lib/telegram-links.module';
export * from './lib/telegram-links.service';
export { toTelegramState } from './lib/telegram-link.mapper';
export { type BotState, type BotStatus, TelegramBotRunner } from './lib/bot/telegram-bot.runner';
