export { OpenTicketsCard } from './lib/open-tickets-card/open-tickets-card';
export { CLIENT_TICKETS_ROUTES, STAFF_TICKETS_ROUTES } from './lib/tickets.routes';
