import { dataSourceOptions } from '@deskgram/api/database';
import { DataSource } from 'typeorm';
import { AppConfig } from './config';
import { ENTITIES } from './entities';

/** For TypeORM's CLI (`npm run migration:generate`): the same entities, migrations and naming as the API. */
const config = AppConfig.load();
if (!config.databaseUrl) {
  throw new Error('Set DATABASE_URL to the database to compare the entities with (the TypeORM CLI needs a server).');
}

export default new DataSource(dataSourceOptions(config.databaseUrl, ENTITIES));
