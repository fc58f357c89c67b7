export { ClientDashboard } from './lib/client-dashboard/client-dashboard';
export { PlaceholderPage, type PlaceholderPageName } from './lib/placeholder-page/placeholder-page';
export { Profile } from './lib/profile/profile';
export { StaffQueue } from './lib/staff-queue/staff-queue';
