import { registerLocaleData } from '@angular/common';
import localeRu from '@angular/common/locales/ru';
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
  // English locale data ships with Angular; Russian has to be registered for date and number pipes.
  registerLocaleData(localeRu);

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
    // keep the portal from starting, so it is swallowed here; the fallback language then shows.
    provideAppInitializer(() => {
      const language = inject(LanguageStore).language();
      return firstValueFrom(
        inject(TranslocoService)
          .load(language)
          .pipe(catchError(() => of(null))),
      );
    }),
    providePortalIcons(),
    { provide: TitleStrategy, useClass: PortalTitleStrategy },
  ]);
}
