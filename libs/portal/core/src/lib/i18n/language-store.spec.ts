import { ApplicationRef, DOCUMENT } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import { LANGUAGE_STORAGE_KEY, LanguageStore } from './language-store';

describe(LanguageStore.name, () => {
  function setUp(): { store: LanguageStore; transloco: TranslocoService; document: Document } {
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { en: { hello: 'Hello' }, ru: { hello: 'Привет' } },
          translocoConfig: { availableLangs: ['en', 'ru'], defaultLang: 'en', reRenderOnLangChange: true },
          preloadLangs: true,
        }),
      ],
    });
    return {
      store: TestBed.inject(LanguageStore),
      transloco: TestBed.inject(TranslocoService),
      document: TestBed.inject(DOCUMENT),
    };
  }

  function browserLanguage(language: string): void {
    jest.spyOn(window.navigator, 'language', 'get').mockReturnValue(language);
  }

  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = '';
    browserLanguage('en-US');
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  describe('initial language', () => {
    it('uses the language remembered in this browser', () => {
      localStorage.setItem(LANGUAGE_STORAGE_KEY, 'ru');

      const { store, transloco, document } = setUp();

      expect(store.language()).toBe('ru');
      expect(transloco.getActiveLang()).toBe('ru');
      expect(document.documentElement.lang).toBe('ru');
    });

    it('prefers the remembered language over the browser language', () => {
      localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
      browserLanguage('ru-RU');

      expect(setUp().store.language()).toBe('en');
    });

    it('follows a Russian browser when nothing is remembered', () => {
      browserLanguage('ru-RU');

      const { store, transloco } = setUp();

      expect(store.language()).toBe('ru');
      expect(transloco.translate('hello')).toBe('Привет');
    });

    it('speaks English to any other browser', () => {
      browserLanguage('de-DE');

      const { store, document } = setUp();

      expect(store.language()).toBe('en');
      expect(document.documentElement.lang).toBe('en');
    });

    it('ignores a remembered value that is not a language of the portal', () => {
      localStorage.setItem(LANGUAGE_STORAGE_KEY, 'de');
      browserLanguage('ru');

      expect(setUp().store.language()).toBe('ru');
    });

    it('does not remember the guessed language, so the browser setting keeps counting', () => {
      browserLanguage('ru-RU');

      setUp();

      expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBeNull();
    });
  });

  describe('setLanguage', () => {
    it('switches the translations, remembers the choice and marks the page language', async () => {
      const { store, transloco, document } = setUp();
      expect(store.language()).toBe('en');

      store.setLanguage('ru');
      // The first switch to Russian loads its locale data first.
      await TestBed.inject(ApplicationRef).whenStable();

      expect(store.language()).toBe('ru');
      expect(transloco.getActiveLang()).toBe('ru');
      expect(transloco.translate('hello')).toBe('Привет');
      expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ru');
      expect(document.documentElement.lang).toBe('ru');
    });

    it('still switches when the browser refuses storage', async () => {
      jest.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
        throw new DOMException('blocked', 'SecurityError');
      });
      jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
        throw new DOMException('blocked', 'SecurityError');
      });
      const { store, document } = setUp();
      expect(store.language()).toBe('en');

      store.setLanguage('ru');
      await TestBed.inject(ApplicationRef).whenStable();

      expect(store.language()).toBe('ru');
      expect(document.documentElement.lang).toBe('ru');
    });
  });
});
