import type { Role } from '@deskgram/shared/contract';

/**
 * Who is calling: loaded from the database, or from the guard's cache that every change of the user or of their
 * sign-ins invalidates (`SignedInCache`), so that disabling a user takes effect at once.
 */
export interface AuthenticatedUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  clientId: string | null;
  language: string | null;
  /** The sign-in the request's access token belongs to; absent outside HTTP requests (the bot, the deliverer). */
  sessionId?: string;
}
