import { HttpErrorResponse, type HttpInterceptorFn, type HttpRequest, HttpStatusCode } from '@angular/common/http';
import { DOCUMENT, inject } from '@angular/core';
import { login, refresh, signInWithTelegram } from '@deskgram/api-client';
import { catchError, from, switchMap, throwError } from 'rxjs';
import { AuthStore } from './auth-store';

/** Signing in and refreshing present credentials of their own; a stale access token must never go along. */
const WITHOUT_TOKEN: readonly string[] = [login.PATH, signInWithTelegram.PATH, refresh.PATH];

/** The path of a request to our own API, or null for anything else (translations, other sites). */
function apiPath(url: string, base: string): string | null {
  const target = new URL(url, base);
  if (target.origin !== new URL(base).origin || !target.pathname.startsWith('/api/')) {
    return null;
  }
  return target.pathname;
}

function withBearer<T>(request: HttpRequest<T>, token: string): HttpRequest<T> {
  return request.clone({ setHeaders: { Authorization: `Bearer ${token}` } });
}

/**
 * Signs requests to the API with the access token. An access token lives 15 minutes, so a 401 usually means it
 * expired: the request is retried once with a fresh one. When the API refuses the refresh as well, the store has
 * ended the session and the original 401 reaches the caller.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const path = apiPath(request.url, inject(DOCUMENT).baseURI);
  if (path === null || WITHOUT_TOKEN.includes(path)) {
    return next(request);
  }
  const auth = inject(AuthStore);
  const token = auth.accessToken();
  if (!token) {
    return next(request);
  }
  return next(withBearer(request, token)).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== HttpStatusCode.Unauthorized) {
        return throwError(() => error);
      }
      return from(auth.refreshAccessToken(token)).pipe(
        catchError(() => throwError(() => error)),
        switchMap((fresh) => next(withBearer(request, fresh))),
      );
    }),
  );
};
