/** A token of the right shape for the Bot API double; the double accepts it, Telegram would not. */
export const BOT_TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';

/** Polls until `check` stops throwing: the bot and the deliverer work asynchronously to the HTTP routes. */
export { eventually } from '@deskgram/testing/harness';
