import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DomainEventsPublisher } from '@deskgram/api/common';
import { DeliveryEntity } from './delivery.entity';
import { Deliverer, DELIVERER_OPTIONS, type DelivererOptions } from './deliverer';
import { NotificationQueue } from './notification-queue';
import { NotificationsController, TelegramMessagesController } from './notifications.controller';
import { NotificationsListener } from './notifications.listener';
import { NOTIFICATIONS_OPTIONS, type NotificationsOptions } from './notifications.options';
import { NotificationsService } from './notifications.service';
import { PreferenceEntity } from './preference.entity';
import { DeliveryLogReadModel } from './read-models/delivery-log.read-model';
import { RecipientsReadModel } from './read-models/recipients.read-model';

export const NOTIFICATION_ENTITIES = [DeliveryEntity, PreferenceEntity];

/**
 * Event listeners -> recipients -> rendered messages -> durable deliveries -> the deliverer. Needs the global
 * TelegramLinkModule (the bot and the links).
 */
@Module({})
export class NotificationsModule {
  static forRoot(options: NotificationsOptions & Partial<DelivererOptions>): DynamicModule {
    return {
      module: NotificationsModule,
      // Global: health and metrics read the deliverer's state and queue.
      global: true,
      imports: [TypeOrmModule.forFeature(NOTIFICATION_ENTITIES)],
      controllers: [NotificationsController, TelegramMessagesController],
      providers: [
        { provide: NOTIFICATIONS_OPTIONS, useValue: { publicUrl: options.publicUrl } },
        {
          provide: DELIVERER_OPTIONS,
          useValue: {
            perChatIntervalMs: options.perChatIntervalMs ?? 1_000,
            workerRetryMs: options.workerRetryMs,
          } satisfies DelivererOptions,
        },
        DomainEventsPublisher,
        NotificationQueue,
        RecipientsReadModel,
        DeliveryLogReadModel,
        NotificationsListener,
        NotificationsService,
        Deliverer,
      ],
      exports: [NotificationsService, Deliverer],
    };
  }
}
