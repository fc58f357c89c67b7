export * from './lib/database.module';
export * from './lib/database.options';
export { DatabaseServer } from './lib/database-connection';
export * from './lib/embedded-database';
export * from './lib/snake-naming.strategy';
export { migrations } from './migrations';
export * from './lib/run-migrations';
export * from './lib/data-source-options';
export * from './lib/single-active-worker';
