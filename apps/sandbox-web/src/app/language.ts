import { DOCUMENT, inject, Injectable, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { type Language } from './sandbox-api';

export const LANGUAGES: readonly Language[] = ['en', 'ru'];

/** Shared with the portal (same origin), so both speak the language last chosen in either. */
export const LANGUAGE_STORAGE_KEY = 'deskgram.lang';

/** The language of the page: chosen once, remembered in this browser; a first guess from the browser until then. */
@Injectable({ providedIn: 'root' })
export class LanguageStore {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Language>(this.initialLanguage());

  readonly language = this.current.asReadonly();
  readonly languages = LANGUAGES;

  constructor() {
    this.apply(this.current());
  }

  setLanguage(language: Language): void {
    this.current.set(language);
    try {
      this.document.defaultView?.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
    } catch {
      // Storage can be refused (blocked cookies, some private modes); the page then just forgets.
    }
    this.apply(language);
  }

  private apply(language: Language): void {
    this.transloco.setActiveLang(language);
    this.document.documentElement.lang = language;
  }

  private initialLanguage(): Language {
    let stored: string | null | undefined = null;
    try {
      stored = this.document.defaultView?.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    } catch {
      // See setLanguage.
    }
    if (stored === 'en' || stored === 'ru') return stored;
    const browser = this.document.defaultView?.navigator.language ?? '';
    return browser.toLowerCase().startsWith('ru') ? 'ru' : 'en';
  }
}
