/** The state of a stored Telegram link (the `telegram_link_state` column). */
export const TELEGRAM_LINK_STATES = ['connected', 'blocked'] as const;
export type TelegramLinkState = (typeof TELEGRAM_LINK_STATES)[number];

/** A portal user's Telegram state as the API shows it: a link's state, or none (`TelegramConnectionState`). */
export const TELEGRAM_CONNECTION_STATES = ['not_connected', ...TELEGRAM_LINK_STATES] as const;
export type TelegramConnectionState = (typeof TELEGRAM_CONNECTION_STATES)[number];
