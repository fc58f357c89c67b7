import { type ErrorTexts } from '@deskgram/portal/core';

/** What the API accepts, checked before sending so that the person learns it next to the field. */
export const MIN_PASSWORD_LENGTH = 8;
export const PHONE_PATTERN = /^\+?[0-9 ()\-.]{3,50}$/;

/** API error codes the clients pages explain in the person's language; other codes show the general sentence of apiErrors.*. */
export const CLIENT_ERROR_TEXTS: ErrorTexts = {
  'user.email_taken': 'clients.errors.emailTaken',
  'client.not_found': 'clients.errors.clientGone',
};
