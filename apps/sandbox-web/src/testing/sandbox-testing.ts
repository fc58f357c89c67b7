import { provideHttpClient } from '@angular/common/http';
import { type HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { type ComponentFixture } from '@angular/core/testing';
import {
  type EnvironmentProviders,
  importProvidersFrom,
  inject,
  provideAppInitializer,
  type Provider,
} from '@angular/core';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { type Translation, TranslocoTestingModule } from '@jsverse/transloco';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { provideSandboxIcons } from '../app/icons';
import { LanguageStore } from '../app/language';
import { type ChatMessage, type Person } from '../app/sandbox-api';

/** The page's real texts, so that a test fails when a key the page uses is missing. */
function translations(language: 'en' | 'ru'): Translation {
  return JSON.parse(readFileSync(join(__dirname, '../../public/i18n', `${language}.json`), 'utf8')) as Translation;
}

/** What the page gets from app.config.ts, with HttpTestingController in place of the network. */
export function provideSandboxForTests(): (Provider | EnvironmentProviders)[] {
  return [
    provideHttpClient(),
    provideHttpClientTesting(),
    importProvidersFrom(
      TranslocoTestingModule.forRoot({
        langs: { en: translations('en'), ru: translations('ru') },
        translocoConfig: {
          availableLangs: ['en', 'ru'],
          defaultLang: 'en',
          reRenderOnLangChange: true,
          missingHandler: { logMissingKey: false },
        },
        preloadLangs: true,
      }),
    ),
    provideSandboxIcons(),
    provideAppInitializer(() => void inject(LanguageStore)),
    // Dialogs and snack bars then open and close at once, instead of after an animation jsdom never plays.
    { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
  ];
}

export function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve));
}

/** Lets an answer flushed through HttpTestingController reach the page, and the page render it. */
export async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  await nextMacrotask();
  await fixture.whenStable();
  await nextMacrotask();
  await fixture.whenStable();
}

/** Waits, a macrotask at a time, until `condition` holds. Throws after `timeoutMs`, which only a failing test reaches. */
export async function until(condition: () => boolean, what = 'the condition', timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Waited ${timeoutMs} ms for ${what}`);
    await nextMacrotask();
  }
}

/** The one request matching `match`, once the page has sent it. */
export async function expectRequest(
  http: HttpTestingController,
  match: Parameters<HttpTestingController['match']>[0],
): Promise<TestRequest> {
  let found: TestRequest[] = [];
  await until(
    () => {
      found = http.match(match);
      return found.length > 0;
    },
    `a request matching ${typeof match === 'function' ? 'the predicate' : JSON.stringify(match)}`,
  );
  if (found.length > 1) throw new Error(`Expected one matching request, found ${found.length}`);
  return found[0];
}

export function textOf(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function person(overrides: Partial<Person> = {}): Person {
  return {
    id: 1,
    name: 'Anna Petrova',
    email: 'anna@acme.test',
    role: 'client',
    company: 'Acme',
    language: 'en',
    blocked: false,
    started: true,
    ...overrides,
  };
}

export function message(overrides: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id: 1,
    from: 'bot',
    time: '2026-12-03T09:00:00.000Z',
    text: 'Hello',
    entities: [],
    edited: false,
    reactions: [],
    ...overrides,
  };
}

export const BOT = { username: 'deskgram_bot', firstName: 'Deskgram' };

export function apiError(statusCode: number, message: string): object {
  return { statusCode, error: statusCode === 404 ? 'Not Found' : 'Bad Request', message };
}
