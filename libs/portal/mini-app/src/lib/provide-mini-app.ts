import { Location } from '@angular/common';
import {
  DOCUMENT,
  type EnvironmentProviders,
  inject,
  Injector,
  makeEnvironmentProviders,
  provideAppInitializer,
} from '@angular/core';
import { type Routes } from '@angular/router';
import { isMiniAppLaunch } from './launch';

/**
 * Before the first page: when the portal was opened as a Telegram Mini App, loads the `MiniApp` service and the SDK,
 * paints the page with Telegram's theme and, on Telegram's launch, opens `/telegram` first (sign in with Telegram,
 * then the person's area or the start parameter's page). In a browser this is one look at the address and nothing
 * else: the rest is in chunks that only a Mini App downloads.
 */
export function provideMiniApp(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideAppInitializer(async () => {
      if (!isMiniAppLaunch(inject(DOCUMENT).defaultView)) {
        return;
      }
      const injector = inject(Injector);
      const location = inject(Location);
      const { MiniApp } = await import('./mini-app');
      const first = await injector.get(MiniApp).start();
      if (first !== null) {
        // The launch parameters stay with the SDK (sessionStorage); the address drops them.
        location.replaceState(first);
      }
    }),
  ]);
}

/** `/telegram`'s pages for `loadChildren`, in a chunk of their own. */
export const loadMiniAppRoutes = (): Promise<Routes> => import('./mini-app.routes').then((m) => m.MINI_APP_ROUTES);
