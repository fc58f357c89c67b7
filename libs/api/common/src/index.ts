export * from './lib/domain-error';
export * from './lib/http-error';
export * from './lib/all-exceptions.filter';
export * from './lib/paging';
export * from './lib/transforms';
export * from './lib/events';
export * from './lib/domain-events.publisher';
