import { escapeHtml, type MessageLanguage } from '@deskgram/api/common';
import { displayMoney } from '@deskgram/shared/contract';
import { notificationTexts } from './notification-texts';

/** Telegram's limit on a message's visible text, in UTF-16 code units. */
export const TELEGRAM_MESSAGE_LIMIT = 4096;

const LOCALES: Record<MessageLanguage, string> = { en: 'en-GB', ru: 'ru-RU' };

/** A notification's parts; user text (`body`) is given raw and is shortened so the whole message fits. */
export interface MessageParts {
  template: string;
  values: Record<string, string>;
  body?: string;
  link?: { url: string; label: string };
}

/** What a person sees of Telegram HTML: tags dropped, entities decoded. */
export function visibleLength(html: string): number {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(lt|gt|amp|quot);/g, 'x')
    .replace(/&#x?[0-9a-f]+;/gi, 'x').length;
}

/**
 * Renders a message in the language: every value escaped, the body shortened (with an ellipsis) just enough that
 * the visible text stays within Telegram's 4096 characters, and the portal link last.
 */
export function renderMessage(language: MessageLanguage, parts: MessageParts): string {
  const t = notificationTexts(language);
  const link = parts.link ? `\n\n<a href="${escapeHtml(parts.link.url)}">${escapeHtml(parts.link.label)}</a>` : '';
  const render = (body: string) => t(parts.template, { ...parts.values, body: escapeHtml(body) }) + link;
  const full = parts.body ?? '';
  let message = render(full);
  const overflow = visibleLength(message) - TELEGRAM_MESSAGE_LIMIT;
  if (overflow > 0) {
    const chars = Array.from(full);
    message = render(
      `${chars
        .slice(0, Math.max(0, chars.length - overflow - 1))
        .join('')
        .trimEnd()}…`,
    );
    // Characters outside the BMP count twice in UTF-16: trim on until it fits.
    while (visibleLength(message) > TELEGRAM_MESSAGE_LIMIT && chars.length > 0) {
      chars.splice(-Math.max(1, visibleLength(message) - TELEGRAM_MESSAGE_LIMIT));
      message = render(`${chars.join('').trimEnd()}…`);
    }
  }
  return message;
}

/** A decimal string of the API as money of the recipient's language ("€1,250.00", "1 250,00 €"). */
export function localMoney(language: MessageLanguage, amount: string, currency: string): string {
  return displayMoney(amount, currency, LOCALES[language]);
}

export function formatDate(language: MessageLanguage, isoDate: string): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${isoDate.slice(0, 10)}T00:00:00Z`),
  );
}
