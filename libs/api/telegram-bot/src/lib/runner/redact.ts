import { TelegramError } from 'telegraf';

/** Text without the bot token, which telegraf's network errors carry in the request URL. */
export function redactToken(text: string, token: string | undefined): string {
  return token ? text.split(token).join('<token>') : text;
}

/** An error in words, as Telegram said it, without the bot token. */
export function describeTelegramError(error: unknown, token: string | undefined): string {
  const text =
    error instanceof TelegramError
      ? `${error.code} ${error.description}`
      : error instanceof Error
        ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}`
        : String(error);
  return redactToken(text, token);
}
