import { registerLocaleData } from '@angular/common';
import localeRu from '@angular/common/locales/ru';
import {
  type EnvironmentProviders,
  importProvidersFrom,
  inject,
  provideAppInitializer,
  type Provider,
} from '@angular/core';
import { type HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { type ComponentFixture } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { LanguageStore, providePortalIcons } from '@deskgram/portal/core';
import { providePageIcons } from '@deskgram/portal/core/page-icons';
import { type Translation, TranslocoTestingModule } from '@jsverse/transloco';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The portal's real texts, so that a test fails when a key the page uses is missing. */
function translations(language: 'en' | 'ru'): Translation {
  return JSON.parse(
    readFileSync(join(__dirname, '../../../../../apps/portal/public/i18n', `${language}.json`), 'utf8'),
  ) as Translation;
}

/** What a page of the portal gets from `providePortalCore()`, without loading the texts over HTTP. */
export function providePortalForTests(): (Provider | EnvironmentProviders)[] {
  registerLocaleData(localeRu);
  return [
    importProvidersFrom(
      TranslocoTestingModule.forRoot({
        langs: { en: translations('en'), ru: translations('ru') },
        translocoConfig: { availableLangs: ['en', 'ru'], defaultLang: 'en', reRenderOnLangChange: true },
        preloadLangs: true,
      }),
    ),
    providePortalIcons(),
    providePageIcons(),
    // As in providePortalCore(): the store sets the active language when it is created. Created lazily instead, by a
    // component in the middle of a page's first render, it makes the page's `*transloco` render its template again
    // from inside the first render, and Angular fails with "Reached the max number of directives".
    provideAppInitializer(() => void inject(LanguageStore)),
    // Dialogs and snack bars then open and close at once, instead of after an animation jsdom never plays.
    { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
  ];
}

/**
 * Lets a Promise-based API call reach `HttpTestingController`, or lets its answer reach the page: the generated
 * client resolves on a later macrotask than the one the test is in.
 */
export async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}

/** Waits one macrotask: long enough for a Promise-based API call to reach `HttpTestingController`. */
export function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve));
}

/**
 * Waits, a macrotask at a time, until `condition` holds: for what the page does on its own time (a debounce, a
 * navigation, a request on its way), however busy the machine is. Throws after `timeoutMs`, which only a failing test
 * reaches.
 */
export async function until(condition: () => boolean, what = 'the condition', timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Waited ${timeoutMs} ms for ${what}`);
    await nextMacrotask();
  }
}

/**
 * The one request matching `match`, once the page has sent it (as `expectOne`, but waiting for the request rather
 * than assuming it left within one macrotask). Fails on a second matching request.
 */
export async function expectRequest(
  http: HttpTestingController,
  match: Parameters<HttpTestingController['match']>[0],
  timeoutMs = 10_000,
): Promise<TestRequest> {
  let found: TestRequest[] = [];
  await until(
    () => {
      found = http.match(match);
      return found.length > 0;
    },
    `a request matching ${typeof match === 'function' ? 'the predicate' : JSON.stringify(match)}`,
    timeoutMs,
  );
  if (found.length > 1) throw new Error(`Expected one matching request, found ${found.length}`);
  return found[0];
}

/** An answer of the API in the shape its exception filter sends. */
export function apiError(statusCode: number, message: string, code?: string): object {
  return { statusCode, error: statusText(statusCode), message, ...(code ? { code } : {}) };
}

export function statusText(status: number): string {
  const texts: Record<number, string> = {
    400: 'Bad Request',
    404: 'Not Found',
    409: 'Conflict',
    500: 'Internal Server Error',
  };
  return texts[status] ?? 'Error';
}

/** The visible text of an element, with runs of white space made single. */
export function textOf(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Clicks the button or link whose visible text is `text`, without waiting for the page to settle. */
export function click(root: ParentNode, text: string): void {
  const target = Array.from(root.querySelectorAll<HTMLElement>('button, a')).find(
    (element) => textOf(element) === text,
  );
  if (!target) {
    throw new Error(`No button or link "${text}"`);
  }
  target.click();
}

/** Types into a text field as a person does: the value changes and the field reports it. */
export function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input'));
}
