import { type DynamicModule, Global, Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { AuthModule } from '@deskgram/api/auth';
import { ClientsModule } from '@deskgram/api/clients';
import { DatabaseModule } from '@deskgram/api/database';
import { InvoicesModule } from '@deskgram/api/invoices';
import { NotificationsModule } from '@deskgram/api/notifications';
import { TelegramLinkModule } from '@deskgram/api/telegram-bot';
import { TelegramLinksModule } from '@deskgram/api/telegram-links';
import { AttachmentsModule, TicketsModule } from '@deskgram/api/tickets';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from './config';
import { ENTITIES } from './entities';
import { DemoDataSeeder } from './demo/demo-data.seeder';
import { HealthModule } from './health/health.module';
import { loggerParams } from './logging';
import { HousekeepingModule } from './housekeeping/housekeeping';
import { MetricsModule } from './metrics/metrics';

@Global()
@Module({})
class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: AppConfig, useValue: config }], exports: [AppConfig] };
  }
}

/** The composition root: which modules make up the API, configured from one `AppConfig`. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRootAsync({ useFactory: () => loggerParams(config) }),
        EventEmitterModule.forRoot({ wildcard: false, ignoreErrors: false }),
        DatabaseModule.forRoot({
          url: config.databaseUrl,
          embeddedDataDir: config.embeddedDatabaseDir,
          logQueries: config.logLevel === 'debug' || config.logLevel === 'trace',
          entities: ENTITIES,
        }),
        AuthModule.forRoot(
          {
            jwtSecret: config.jwtSecret,
            accessTokenSeconds: 15 * 60,
            refreshTokenSeconds: 30 * 24 * 60 * 60,
            sessionMaxAgeSeconds: config.sessionMaxAgeDays * 24 * 60 * 60,
            passwordResetSeconds: 24 * 60 * 60,
            publicUrl: config.publicUrl,
            admin: config.admin,
            maxFailuresPerMinute: 10,
            telegram: {
              botToken: config.telegram.token,
              initDataMaxAgeSeconds: config.telegramInitDataMaxAgeSeconds,
            },
          },
          // The links build on auth, so auth learns from them through this import who a Telegram user signs in as.
          { telegramAccounts: TelegramLinksModule },
        ),
        ClientsModule,
        AttachmentsModule.forRoot({ maxFileBytes: config.maxAttachmentBytes }),
        TicketsModule,
        InvoicesModule.forRoot({ overdueSweepSeconds: config.overdueSweepSeconds }),
        TelegramLinkModule.forRoot({ ...config.telegram, publicUrl: config.publicUrl }),
        NotificationsModule.forRoot({ publicUrl: config.publicUrl }),
        HealthModule,
        MetricsModule,
        HousekeepingModule.forRoot({
          deliveryRetentionDays: config.deliveryRetentionDays,
          intervalMinutes: config.housekeepingIntervalMinutes,
        }),
      ],
      // Seeds through the feature modules' services, which the root module sees.
      providers: [DemoDataSeeder],
    };
  }
}
