import { type Routes } from '@angular/router';

/** Mounted at `/client/tickets`: the list, the form for a new ticket, and one ticket's thread. */
export const CLIENT_TICKETS_ROUTES: Routes = [
  {
    path: '',
    children: [
      {
        path: '',
        title: 'tickets.list.title',
        loadComponent: () => import('./client-ticket-list/client-ticket-list').then((m) => m.ClientTicketList),
      },
      {
        path: 'new',
        title: 'tickets.new.title',
        loadComponent: () => import('./new-ticket/new-ticket').then((m) => m.NewTicket),
      },
      {
        path: ':id',
        title: 'tickets.thread.title',
        loadComponent: () => import('./client-ticket/client-ticket').then((m) => m.ClientTicket),
      },
    ],
  },
];

/** Mounted at `/staff`: the queue itself, a ticket opened for a client at `/staff/tickets/new`, one ticket at `:id`. */
export const STAFF_TICKETS_ROUTES: Routes = [
  {
    path: '',
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'tickets.queue.title',
        loadComponent: () => import('./staff-queue/staff-queue').then((m) => m.StaffQueue),
      },
      {
        path: 'tickets/new',
        title: 'tickets.staffNew.title',
        loadComponent: () => import('./staff-new-ticket/staff-new-ticket').then((m) => m.StaffNewTicket),
      },
      {
        path: 'tickets/:id',
        title: 'tickets.detail.title',
        loadComponent: () => import('./staff-ticket/staff-ticket').then((m) => m.StaffTicket),
      },
    ],
  },
];
