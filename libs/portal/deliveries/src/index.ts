export { DELIVERIES_ROUTES } from './lib/deliveries.routes';
