export * from './lib/dto/telegram-state.dto';
export * from './lib/link-token.entity';
export * from './lib/telegram-link.entity';
export * from './lib/telegram-links.module';
export * from './lib/telegram-links.service';
export { toTelegramState } from './lib/telegram-link.mapper';
