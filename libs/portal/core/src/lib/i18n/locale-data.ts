import { registerLocaleData } from '@angular/common';
import { type Language } from './language';

/**
 * Angular's locale data (dates, numbers, plurals) for the languages it does not ship with: Russian. Loaded when the
 * portal first speaks the language, not with every first page, where most people read English.
 */
const LOADERS: Readonly<Record<Language, (() => Promise<{ default: unknown }>) | null>> = {
  en: null,
  ru: () => import('@angular/common/locales/ru'),
};

const registered = new Set<Language>();

/** Whether the date and number pipes can already format in `language`. */
export function hasLocaleData(language: Language): boolean {
  return LOADERS[language] === null || registered.has(language);
}

/** Loads and registers the locale data of `language`, once. */
export async function loadLocaleData(language: Language): Promise<void> {
  const load = LOADERS[language];
  if (load === null || registered.has(language)) {
    return;
  }
  const { default: data } = await load();
  registerLocaleData(data);
  registered.add(language);
}
