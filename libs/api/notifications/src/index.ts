export * from './lib/delivery.entity';
export * from './lib/dto/notifications.dto';
export * from './lib/notification-kind';
export * from './lib/notifications.module';
export * from './lib/preference.entity';
export { Deliverer, type DelivererState, type QueueStats } from './lib/deliverer';
export { renderMessage, visibleLength, TELEGRAM_MESSAGE_LIMIT } from './lib/render/render';
