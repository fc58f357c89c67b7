export { NotificationPreferences } from './lib/notification-preferences/notification-preferences';
export { TelegramCard } from './lib/telegram-card/telegram-card';
export { TelegramConnectionStore, type TelegramCardView } from './lib/telegram-connection-store';
