import { HttpClient, provideHttpClient } from '@angular/common/http';
import {
  type ApplicationConfig,
  inject,
  Injectable,
  isDevMode,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideTransloco, type Translation, type TranslocoLoader, TranslocoService } from '@jsverse/transloco';
import { catchError, firstValueFrom, type Observable, of } from 'rxjs';
import { provideSandboxIcons } from './icons';
import { LanguageStore, LANGUAGES } from './language';

/** The texts ship with the page, next to index.html (relative to the base href, /sandbox/). */
@Injectable({ providedIn: 'root' })
export class TranslationLoader implements TranslocoLoader {
  private readonly http = inject(HttpClient);

  getTranslation(language: string): Observable<Translation> {
    return this.http.get<Translation>(`i18n/${language}.json`);
  }
}

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideHttpClient(),
    provideTransloco({
      config: {
        availableLangs: [...LANGUAGES],
        defaultLang: 'en',
        fallbackLang: 'en',
        missingHandler: { useFallbackTranslation: true },
        reRenderOnLangChange: true,
        prodMode: !isDevMode(),
      },
      loader: TranslationLoader,
    }),
    // Holding the first render until the texts arrive avoids a flash of empty labels; a failed load still starts.
    provideAppInitializer(() => {
      const language = inject(LanguageStore).language();
      return firstValueFrom(
        inject(TranslocoService)
          .load(language)
          .pipe(catchError(() => of(null))),
      );
    }),
    provideSandboxIcons(),
  ],
};
