import { type DynamicModule, Global, Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { AuthModule } from '@deskgram/api/auth';
import { ClientsModule } from '@deskgram/api/clients';
import { DatabaseModule } from '@deskgram/api/database';
import { InvoicesModule } from '@deskgram/api/invoices';
import { NotificationsModule } from '@deskgram/api/notifications';
import { TelegramLinkModule } from '@deskgram/api/telegram-link';
import { TicketsModule } from '@deskgram/api/tickets';
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
  static register(config: AppConfig): DynamicModule {
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
        ConfigModule.register(config),
        LoggerModule.forRootAsync({ useFactory: () => loggerParams(config) }),
        EventEmitterModule.forRoot({ wildcard: false, ignoreErrors: false }),
        DatabaseModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (appConfig: AppConfig) => ({
            url: appConfig.databaseUrl,
            embeddedDataDir: appConfig.embeddedDatabaseDir,
            logQueries: appConfig.logLevel === 'debug' || appConfig.logLevel === 'trace',
          }),
          entities: ENTITIES,
        }),
        AuthModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (appConfig: AppConfig) => ({
            jwtSecret: appConfig.jwtSecret,
            accessTokenSeconds: 15 * 60,
            refreshTokenSeconds: 30 * 24 * 60 * 60,
            sessionMaxAgeSeconds: appConfig.sessionMaxAgeDays * 24 * 60 * 60,
            passwordResetSeconds: 24 * 60 * 60,
            publicUrl: appConfig.publicUrl,
            admin: appConfig.admin,
            maxFailuresPerMinute: 10,
          }),
        }),
        ClientsModule,
        TicketsModule,
        InvoicesModule.register({ overdueSweepSeconds: config.overdueSweepSeconds }),
        TelegramLinkModule.forRoot({ ...config.telegram, publicUrl: config.publicUrl }),
        NotificationsModule.register({ publicUrl: config.publicUrl }),
        HealthModule,
        MetricsModule,
        HousekeepingModule.register({
          deliveryRetentionDays: config.deliveryRetentionDays,
          intervalMinutes: config.housekeepingIntervalMinutes,
        }),
      ],
      // Seeds through the feature modules' services, which the root module sees.
      providers: [DemoDataSeeder],
    };
  }
}
