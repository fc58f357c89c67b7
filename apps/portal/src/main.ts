import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app/app';
import { appConfig } from './app/app.config';

// eslint-disable-next-line no-console -- nothing else can report a failed bootstrap: there is no app yet.
bootstrapApplication(App, appConfig).catch((error: unknown) => console.error(error));
