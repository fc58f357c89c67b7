/**
 * Where the Telegram Mini Apps SDK keeps the launch parameters across reloads of the page (`tapps/` + the key, in
 * `sessionStorage`): Telegram passes them only in the address the Mini App is opened with.
 */
export const LAUNCH_PARAMS_STORAGE_KEY = 'tapps/launchParams';

const INIT_DATA = /(?:^|[?#&])tgWebAppData=/;

/**
 * Whether the portal was opened as a Telegram Mini App: Telegram opens it with `#tgWebAppData=…&tgWebAppVersion=…`,
 * and the SDK keeps those parameters for a reload. This runs in every browser before the first page, so it only
 * reads the address and the storage; the SDK itself is loaded only when this says yes.
 */
export function isMiniAppLaunch(view: Window | null | undefined): boolean {
  if (!view) {
    return false;
  }
  if (INIT_DATA.test(view.location.href)) {
    return true;
  }
  try {
    // The SDK keeps the raw query string as JSON (a quoted string).
    const stored: unknown = JSON.parse(view.sessionStorage.getItem(LAUNCH_PARAMS_STORAGE_KEY) ?? '""');
    return typeof stored === 'string' && INIT_DATA.test(`?${stored}`);
  } catch {
    // Storage may be refused (blocked cookies), or hold something else: then only the address counts.
    return false;
  }
}

/** Whether this page load is the one Telegram opened, with the launch parameters still in the address. */
export function isFreshLaunch(view: Window | null | undefined): boolean {
  return !!view && INIT_DATA.test(view.location.href);
}

/** What a Mini App's start parameter (`?startapp=…` in a `t.me` link) asks to open. */
export type DeepLink = { kind: 'ticket'; id: string } | { kind: 'ticketNumber'; number: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TICKET_NUMBER = /^T-\d{1,12}$/i;

/**
 * Reads a start parameter: `ticket-T-1042` (a ticket's number) or `ticket-<uuid>` (its id). Telegram allows only
 * `A-Z a-z 0-9 _ -` and 64 characters there, so both fit. Anything else opens the person's area.
 */
export function parseStartParam(value: string | null | undefined): DeepLink | null {
  if (!value?.startsWith('ticket-')) {
    return null;
  }
  const rest = value.slice('ticket-'.length);
  if (UUID.test(rest)) {
    return { kind: 'ticket', id: rest.toLowerCase() };
  }
  if (TICKET_NUMBER.test(rest)) {
    return { kind: 'ticketNumber', number: rest.toUpperCase() };
  }
  return null;
}
