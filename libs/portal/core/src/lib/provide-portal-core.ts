import {
  type EnvironmentProviders,
  inject,
  isDevMode,
  makeEnvironmentProviders,
  provideAppInitializer,
} from '@angular/core';
import { TitleStrategy } from '@angular/router';
import { provideTransloco, TranslocoService } from '@jsverse/transloco';
import { catchError, firstValueFrom, of } from 'rxjs';
import { DEFAULT_LANGUAGE, LANGUAGES } from './i18n/language';
import { LanguageStore } from './i18n/language-store';
import { TranslocoHttpLoader } from './i18n/transloco-http-loader';
import { providePortalIcons } from './icons/portal-icons';
import { PortalTitleStrategy } from './title/portal-title-strategy';

/**
 * What every page of the portal relies on: translations, the chosen language, icons and page titles.
 * Needs `provideHttpClient()` and `provideRouter()` next to it.
 */
export function providePortalCore(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideTransloco({
      config: {
        availableLangs: [...LANGUAGES],
        defaultLang: DEFAULT_LANGUAGE,
        fallbackLang: DEFAULT_LANGUAGE,
        missingHandler: { useFallbackTranslation: true },
        reRenderOnLangChange: true,
        prodMode: !isDevMode(),
      },
      loader: TranslocoHttpLoader,
    }),
    // Holding the first render until the texts arrive avoids a flash of empty labels. A failed load must not
    // keep the portal from starting, so it is swallowed here; the fallback language then shows. The date and number
    // pipes' locale data for the language (English ships with Angular) loads alongside; without it the start fails.
    provideAppInitializer(() => {
      const store = inject(LanguageStore);
      const texts = firstValueFrom(
        inject(TranslocoService)
          .load(store.language())
          .pipe(catchError(() => of(null))),
      );
      return Promise.all([texts, store.loadInitialLocaleData()]);
    }),
    providePortalIcons(),
    { provide: TitleStrategy, useClass: PortalTitleStrategy },
  ]);
}
