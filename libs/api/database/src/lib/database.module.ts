import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsModule } from 'nestjs-cls';
import { DataSource } from 'typeorm';
import { runMigrations } from './run-migrations';
import { DatabaseServer, DatabaseShutdown } from './database-connection';
import { DATABASE_OPTIONS, type DatabaseModuleOptions, type DatabaseModuleRootOptions } from './database.options';
import { dataSourceOptions } from './data-source-options';
import { QueryLogger } from './query-logger';

@Global()
@Module({})
class DatabaseServerModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseServerModule,
      providers: [{ provide: DATABASE_OPTIONS, useValue: options }, DatabaseServer],
      exports: [DATABASE_OPTIONS, DatabaseServer],
    };
  }
}

/**
 * PostgreSQL through TypeORM: migrations run at start (`synchronize` is never on), snake_case names, and
 * `@Transactional()` from nestjs-cls so that a service's writes and the events it emits share one transaction.
 */
@Module({})
export class DatabaseModule {
  static forRoot({ entities, ...options }: DatabaseModuleRootOptions): DynamicModule {
    const serverModule = DatabaseServerModule.forRoot(options);
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        serverModule,
        TypeOrmModule.forRootAsync({
          inject: [DatabaseServer, DATABASE_OPTIONS],
          useFactory: async (server: DatabaseServer, dbOptions: { logQueries?: boolean }) => ({
            // Migrations run below, under an advisory lock, so that replicas starting together do not race.
            ...dataSourceOptions(await server.connectionUrl(), entities),
            // Through the app's logger, without parameters (see QueryLogger); the filtering is the logger's own.
            logger: new QueryLogger(dbOptions.logQueries ?? false),
            extra: { max: 20, application_name: 'deskgram' },
          }),
          dataSourceFactory: async (dataSourceOptions) => {
            if (!dataSourceOptions) throw new Error('TypeORM options are missing');
            const dataSource = await new DataSource(dataSourceOptions).initialize();
            await runMigrations(dataSource);
            return dataSource;
          },
        }),
        ClsModule.forRoot({
          global: true,
          middleware: { mount: true },
          plugins: [
            new ClsPluginTransactional({
              imports: [TypeOrmModule],
              adapter: new TransactionalAdapterTypeOrm({ dataSourceToken: getDataSourceToken() }),
              enableTransactionProxy: true,
            }),
          ],
        }),
      ],
      providers: [DatabaseShutdown],
    };
  }
}
