import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/**
 * What every data source of the product shares (the API, the migration CLI, the schema test): PostgreSQL, the
 * migrations, snake_case names, and ids from `gen_random_uuid()`, built into PostgreSQL 13+.
 */
export function dataSourceOptions(
  url: string,
  entities: NonNullable<DataSourceOptions['entities']>,
): DataSourceOptions & { type: 'postgres' } {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    namingStrategy: new SnakeNamingStrategy(),
  };
}
