import { badRequest } from './api-error';

/** Telegram opens Mini Apps over https only, and says so when a button or the menu names anything else. */
export function checkWebAppUrl(url: unknown): void {
  if (typeof url !== 'string' || !/^https:\/\/[^/\s]+/.test(url)) {
    throw badRequest(`inline keyboard button Web App URL '${String(url)}' is invalid: Only HTTPS links are allowed`);
  }
}
