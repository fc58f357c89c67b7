import { type Type } from '@angular/core';

// Loaders for `loadComponent`, so that each page is a chunk of its own: the client's dashboard must not bring the
// profile's forms, dialogs and toggles along.

/** The client's start page. */
export const loadClientDashboard = (): Promise<Type<unknown>> =>
  import('./lib/client-dashboard/client-dashboard').then((m) => m.ClientDashboard);

/** The signed-in person's own page. */
export const loadProfile = (): Promise<Type<unknown>> => import('./lib/profile/profile').then((m) => m.Profile);
