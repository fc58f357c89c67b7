import { type ErrorTexts } from '@deskgram/portal/core';

import { type StaffRole } from '@deskgram/api-client';

/** What the API accepts, checked before sending so that the person learns it next to the field. */
export const MIN_PASSWORD_LENGTH = 8;

/** API error codes the staff page explains in the person's language; other codes show the general sentence of apiErrors.*. */
export const STAFF_ERROR_TEXTS: ErrorTexts = {
  'user.email_taken': 'staffUsers.errors.emailTaken',
  'user.self_lockout': 'staffUsers.errors.selfLockout',
  'user.not_found': 'staffUsers.errors.userGone',
};

/** The roles a staff account can have, the one with fewer rights first. */
export const STAFF_ROLES: readonly StaffRole[] = ['agent', 'admin'];
