export { redirectToArea, roleGuard, signedInGuard, signedOutGuard, whenSignedIn } from './lib/guards/auth-guards';
export { areaOf, type Area, isStaffRole, safeReturnUrl } from './lib/session/areas';
export { authInterceptor } from './lib/session/auth-interceptor';
export { AuthStore, SESSION_STORAGE_KEY, type SignOutReason } from './lib/session/auth-store';
export { loadSignIn } from './lib/sign-in/load-sign-in';
