import { type Type } from '@angular/core';

// Loaders for `loadComponent`, so that each frame is a chunk of its own: the sign-in page's frame must not bring the
// signed-in layout (drawer, navigation list, user menu) along, and the signed-in layout not the other way round.

/** The frame for people who are not signed in: the product and the language button. */
export const loadShell = (): Promise<Type<unknown>> => import('./lib/shell/shell').then((m) => m.Shell);

/** The frame of a signed-in person: toolbar, user menu and the navigation of their role. */
export const loadSignedInShell = (): Promise<Type<unknown>> =>
  import('./lib/signed-in-shell/signed-in-shell').then((m) => m.SignedInShell);

/** The page for an address that does not exist. */
export const loadNotFound = (): Promise<Type<unknown>> => import('./lib/not-found/not-found').then((m) => m.NotFound);
