import { bootstrapApplication } from '@angular/platform-browser';
import { SandboxPage } from './app/sandbox-page';
import { appConfig } from './app/app.config';

// eslint-disable-next-line no-console -- nothing else can report a failed bootstrap: there is no app yet.
bootstrapApplication(SandboxPage, appConfig).catch((error: unknown) => console.error(error));
