import { type Routes } from '@angular/router';

/** Mounted at `/staff/users`, for administrators: the staff accounts. */
export const STAFF_USERS_ROUTES: Routes = [
  {
    path: '',
    title: 'staffUsers.title',
    loadComponent: () => import('./staff-user-list/staff-user-list').then((m) => m.StaffUserList),
  },
];
