import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  type ApplicationConfig,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { authInterceptor } from '@deskgram/portal/auth';
import { providePortalCore } from '@deskgram/portal/core';
import { provideMiniApp } from '@deskgram/portal/mini-app/boot';
import { appRoutes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    // The XMLHttpRequest backend (not withFetch): only it reports upload progress, for the files' progress bars.
    provideHttpClient(withInterceptors([authInterceptor])),
    provideRouter(appRoutes, withComponentInputBinding()),
    providePortalCore(),
    // Inside Telegram (a Mini App): the SDK, the theme and the sign-in with Telegram; in a browser, nothing.
    provideMiniApp(),
  ],
};
