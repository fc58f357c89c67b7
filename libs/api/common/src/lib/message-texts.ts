import { createInstance, type Resource, type TFunction } from 'i18next';
import { escapeHtml } from './html';

export type MessageLanguage = 'en' | 'ru';

/**
 * Texts for Telegram messages in English and Russian. Interpolated values are HTML-escaped (messages use Telegram's
 * HTML parse mode), so user text shows as written; `{{- value}}` inserts markup that is already escaped.
 */
export function createMessageTexts(resources: Resource, namespace: string): (language: MessageLanguage) => TFunction {
  const texts = createInstance();
  void texts.init({
    resources,
    lng: 'en',
    fallbackLng: 'en',
    supportedLngs: ['en', 'ru'],
    defaultNS: namespace,
    ns: [namespace],
    initAsync: false,
    // i18next advertises on the console at first use otherwise; the API logs only through its logger.
    showSupportNotice: false,
    interpolation: { escape: escapeHtml },
  });
  return (language) => texts.getFixedT(language, namespace);
}

/** Russian for people whose Telegram or portal speaks Russian, English for everyone else. */
export function messageLanguage(...candidates: Array<string | null | undefined>): MessageLanguage {
  const first = candidates.find((candidate) => candidate);
  return first?.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}
