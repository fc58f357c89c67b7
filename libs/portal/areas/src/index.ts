export { ClientDashboard } from './lib/client-dashboard/client-dashboard';
export { Profile } from './lib/profile/profile';
