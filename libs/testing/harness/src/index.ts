export * from './lib/api-process';
export * from './lib/browser';
export * from './lib/databases';
export * from './lib/own-postgres';
export * from './lib/test-environment';
export * from './lib/wait';
