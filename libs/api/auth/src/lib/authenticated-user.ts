import type { Role } from '@deskgram/shared/contract';

/** Who is calling: loaded from the database on every request, so that disabling a user takes effect at once. */
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
