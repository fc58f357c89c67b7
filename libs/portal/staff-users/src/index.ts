export { STAFF_USERS_ROUTES } from './lib/staff-users.routes';
