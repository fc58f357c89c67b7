import { type Type } from '@angular/core';

/**
 * The sign-in page for `loadComponent`. The app imports this library eagerly for the session, the interceptor and
 * the guards; the page itself stays in a chunk of its own that only people who are not signed in download.
 */
export const loadSignIn = (): Promise<Type<unknown>> => import('./sign-in').then((m) => m.SignIn);
