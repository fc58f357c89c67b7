// What the API and the portal mean the same way: the values of the wire's enums, the error codes and money.
export * from './lib/roles';
export * from './lib/tickets';
export * from './lib/invoices';
export * from './lib/notifications';
export * from './lib/telegram';
export * from './lib/error-codes';
export * from './lib/money';
