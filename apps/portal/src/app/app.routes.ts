import { type Routes } from '@angular/router';
import {
  loadSignIn,
  redirectToArea,
  roleGuard,
  signedInGuard,
  signedOutGuard,
  whenSignedIn,
} from '@deskgram/portal/auth';
import { loadClientDashboard, loadProfile } from '@deskgram/portal/areas';
import { loadPageIcons } from '@deskgram/portal/core';
import { loadMiniAppRoutes } from '@deskgram/portal/mini-app/boot';
import { loadNotFound, loadShell, loadSignedInShell } from '@deskgram/portal/shell';

/** The map of the portal (docs/portal.md, "Map"): the sign-in page, then one area per role, chosen at `/`. */
export const appRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: redirectToArea },
  // The Telegram Mini App's start (sign in with Telegram) and its "not linked" page; a frame of their own.
  {
    path: 'telegram',
    loadChildren: loadMiniAppRoutes,
  },
  {
    path: '',
    loadComponent: loadShell,
    children: [
      {
        path: 'sign-in',
        title: 'signIn.title',
        canActivate: [signedOutGuard],
        loadComponent: loadSignIn,
      },
      // Open to everyone: the link works whoever is signed in here, and ends that sign-in.
      {
        path: 'reset-password',
        title: 'accounts.resetPassword.title',
        loadComponent: () => import('@deskgram/portal/accounts').then((m) => m.ResetPassword),
      },
    ],
  },
  {
    path: '',
    // The signed-in pages' icons come with them, not with the sign-in page.
    canActivate: [signedInGuard, loadPageIcons],
    loadComponent: loadSignedInShell,
    children: [
      {
        path: 'client',
        canActivate: [roleGuard('client')],
        children: [
          {
            path: '',
            title: 'dashboard.title',
            loadComponent: loadClientDashboard,
          },
          {
            path: 'tickets',
            loadChildren: () => import('@deskgram/portal/tickets').then((m) => m.CLIENT_TICKETS_ROUTES),
          },
          {
            path: 'invoices',
            loadChildren: () => import('@deskgram/portal/invoices').then((m) => m.CLIENT_INVOICES_ROUTES),
          },
        ],
      },
      {
        path: 'staff',
        canActivate: [roleGuard('admin', 'agent')],
        children: [
          {
            path: '',
            loadChildren: () => import('@deskgram/portal/tickets').then((m) => m.STAFF_TICKETS_ROUTES),
          },
          {
            path: 'clients',
            loadChildren: () => import('@deskgram/portal/clients').then((m) => m.CLIENTS_ROUTES),
          },
          {
            path: 'invoices',
            loadChildren: () => import('@deskgram/portal/invoices').then((m) => m.STAFF_INVOICES_ROUTES),
          },
          {
            path: 'deliveries',
            loadChildren: () => import('@deskgram/portal/deliveries').then((m) => m.DELIVERIES_ROUTES),
          },
          {
            path: 'users',
            canActivate: [roleGuard('admin')],
            loadChildren: () => import('@deskgram/portal/staff-users').then((m) => m.STAFF_USERS_ROUTES),
          },
        ],
      },
      {
        path: 'profile',
        title: 'profile.title',
        loadComponent: loadProfile,
      },
      // A signed-in person keeps their navigation on an address that does not exist.
      {
        path: '**',
        canMatch: [whenSignedIn],
        title: 'notFound.title',
        loadComponent: loadNotFound,
      },
    ],
  },
  {
    path: '',
    loadComponent: loadShell,
    children: [
      {
        path: '**',
        title: 'notFound.title',
        loadComponent: loadNotFound,
      },
    ],
  },
];
