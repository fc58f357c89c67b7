import { inject } from '@angular/core';
import { type CanActivateFn, type CanMatchFn, type RedirectFunction, Router, type UrlTree } from '@angular/router';
import { type Role } from '@deskgram/api-client';
import { areaOf, safeReturnUrl } from '../session/areas';
import { AuthStore } from '../session/auth-store';

function signInPage(returnUrl: string): UrlTree {
  const safe = safeReturnUrl(returnUrl);
  return inject(Router).createUrlTree(['/sign-in'], { queryParams: safe ? { returnUrl: safe } : {} });
}

/** Lets signed-in people through; anyone else signs in first and comes back here afterwards. */
export const signedInGuard: CanActivateFn = (_route, state) => inject(AuthStore).isSignedIn() || signInPage(state.url);

/** Matches only for a signed-in person, so that an address that does not exist is shown inside their layout. */
export const whenSignedIn: CanMatchFn = () => inject(AuthStore).isSignedIn();

/** Lets the given roles through; anyone else is sent to the start of their own area. */
export function roleGuard(...roles: Role[]): CanActivateFn {
  return (_route, state) => {
    const role = inject(AuthStore).role();
    if (role === null) {
      return signInPage(state.url);
    }
    return roles.includes(role) || inject(Router).parseUrl(areaOf(role));
  };
}

/** Keeps a signed-in person off the sign-in page: they go where they were headed, or to their area. */
export const signedOutGuard: CanActivateFn = (route) => {
  const role = inject(AuthStore).role();
  if (role === null) {
    return true;
  }
  return inject(Router).parseUrl(safeReturnUrl(route.queryParamMap.get('returnUrl')) ?? areaOf(role));
};

/** The start page `/`: the client area for clients, the staff area for staff, the sign-in page for everyone else. */
export const redirectToArea: RedirectFunction = () => inject(AuthStore).home() ?? '/sign-in';
