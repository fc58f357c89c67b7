export { CLIENTS_ROUTES } from './lib/clients.routes';
