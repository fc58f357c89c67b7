import { DOCUMENT, inject, Injectable, PendingTasks, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from './language';
import { hasLocaleData, loadLocaleData } from './locale-data';

export const LANGUAGE_STORAGE_KEY = 'deskgram.lang';

/** The language the portal speaks: chosen once, remembered in this browser. */
@Injectable({ providedIn: 'root' })
export class LanguageStore {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly pendingTasks = inject(PendingTasks);

  private readonly current = signal<Language>(this.initialLanguage());

  readonly language = this.current.asReadonly();
  readonly languages = LANGUAGES;

  constructor() {
    this.apply(this.current());
  }

  /**
   * Switches the portal to `language` and remembers it. The first switch to a language whose locale data is not loaded
   * yet waits for it (the page counts as busy meanwhile): the date and number pipes must not see the language before
   * they can format in it.
   */
  setLanguage(language: Language): void {
    this.writeStoredLanguage(language);
    if (hasLocaleData(language)) {
      this.switchTo(language);
      return;
    }
    this.pendingTasks.run(async () => {
      // Without the locale data the page stays in the current language; the choice is remembered all the same.
      await loadLocaleData(language).then(
        () => this.switchTo(language),
        () => undefined,
      );
    });
  }

  /** The locale data of the language the portal starts in, for the start-up to wait for. */
  loadInitialLocaleData(): Promise<void> {
    return loadLocaleData(this.current());
  }

  private switchTo(language: Language): void {
    this.current.set(language);
    this.apply(language);
  }

  private apply(language: Language): void {
    this.transloco.setActiveLang(language);
    // Screen readers, hyphenation and the browser's own spell checker read this attribute.
    this.document.documentElement.lang = language;
  }

  /**
   * The browser language is only a first guess and is never stored, so that a person who has not chosen
   * yet keeps following the browser.
   */
  private initialLanguage(): Language {
    const stored = this.readStoredLanguage();
    if (stored) {
      return stored;
    }
    const browserLanguage = this.document.defaultView?.navigator.language ?? '';
    return browserLanguage.toLowerCase().startsWith('ru') ? 'ru' : DEFAULT_LANGUAGE;
  }

  // Storage throws when cookies are blocked or in some private modes; the portal still works, it just forgets.
  private readStoredLanguage(): Language | null {
    try {
      const value = this.document.defaultView?.localStorage.getItem(LANGUAGE_STORAGE_KEY);
      return isLanguage(value) ? value : null;
    } catch {
      return null;
    }
  }

  private writeStoredLanguage(language: Language): void {
    try {
      this.document.defaultView?.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
    } catch {
      // See readStoredLanguage.
    }
  }
}
