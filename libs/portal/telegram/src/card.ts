// The Telegram card alone, for the client's dashboard: importing the library's index would also bring the
// notification preferences (with their toggles) into the dashboard's download, which only the profile shows.
export { TelegramCard } from './lib/telegram-card/telegram-card';
