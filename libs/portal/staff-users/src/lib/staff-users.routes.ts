import { MatPaginatorIntl } from '@angular/material/paginator';
import { type Routes } from '@angular/router';
import { PortalPaginatorIntl } from '@deskgram/portal/core';

/** Mounted at `/staff/users`, for administrators: the staff accounts. */
export const STAFF_USERS_ROUTES: Routes = [
  {
    path: '',
    title: 'staffUsers.title',
    providers: [{ provide: MatPaginatorIntl, useClass: PortalPaginatorIntl }],
    loadComponent: () => import('./staff-user-list/staff-user-list').then((m) => m.StaffUserList),
  },
];
