import { type Routes } from '@angular/router';

/** Mounted at `/staff/clients`: the list, and one client at `/staff/clients/:id`. */
export const CLIENTS_ROUTES: Routes = [
  {
    path: '',
    children: [
      {
        path: '',
        title: 'clients.list.title',
        loadComponent: () => import('./client-list/client-list').then((m) => m.ClientList),
      },
      {
        path: ':id',
        title: 'clients.detail.title',
        loadComponent: () => import('./client-detail/client-detail').then((m) => m.ClientDetail),
      },
    ],
  },
];
