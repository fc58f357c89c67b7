export * from './lib/api-process';
export * from './lib/databases';
export * from './lib/own-postgres';
