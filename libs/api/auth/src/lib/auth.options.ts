import type { InjectionToken, ModuleMetadata, OptionalFactoryDependency } from '@nestjs/common';

export interface AuthModuleOptions {
  jwtSecret: string;
  /** Lifetime of an access token; short, since it cannot be revoked. */
  accessTokenSeconds: number;
  refreshTokenSeconds: number;
  /** SESSION_MAX_AGE_DAYS: a sign-in ends this long after it began, however often it is refreshed. */
  sessionMaxAgeSeconds: number;
  /** How long a password reset link that staff create works. */
  passwordResetSeconds: number;
  /** The portal's address, which password reset links point at. */
  publicUrl: string;
  /** ADMIN_EMAIL / ADMIN_PASSWORD: created at start when no user has that e-mail. */
  admin?: { email: string; password: string };
  /** Failed sign-ins per e-mail or per address in one minute before further attempts get 429. */
  maxFailuresPerMinute: number;
}

export interface AuthModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  // Nest's async-options contract: the factory's arguments are whatever `inject` names.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  useFactory: (...args: any[]) => AuthModuleOptions | Promise<AuthModuleOptions>;
  inject?: Array<InjectionToken | OptionalFactoryDependency>;
}

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');
