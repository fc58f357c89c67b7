import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { provideHttpClientTesting, HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { Router } from '@angular/router';
import { App } from './app';
import { appConfig } from './app.config';

type Translations = { [key: string]: string | Translations };

function readTranslations(language: string): Translations {
  return JSON.parse(readFileSync(join(__dirname, `../../public/i18n/${language}.json`), 'utf8'));
}

/** Flattens nested translations into `['signIn.title', 'Sign in']` pairs. */
function texts(translations: Translations, prefix = ''): [string, string][] {
  return Object.entries(translations).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : texts(value, `${prefix}${key}.`),
  );
}

function keys(translations: Translations): string[] {
  return texts(translations).map(([key]) => key);
}

describe(App.name, () => {
  let fixture: ComponentFixture<App>;
  let router: Router;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [App],
      providers: [...appConfig.providers, provideHttpClientTesting()],
    });
    router = TestBed.inject(Router);
    fixture = TestBed.createComponent(App);
    TestBed.inject(HttpTestingController).expectOne('/i18n/en.json').flush(readTranslations('en'));
  });

  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
  });

  async function open(url: string): Promise<HTMLElement> {
    await router.navigateByUrl(url);
    await answerHealthCheck();
    await fixture.whenStable();
    return fixture.nativeElement;
  }

  /** The sign-in page asks the API whether it is up; the app is stable only once that is answered. */
  async function answerHealthCheck(): Promise<void> {
    const http = TestBed.inject(HttpTestingController);
    for (let tick = 0; tick < 20; tick++) {
      await new Promise((resolve) => setTimeout(resolve));
      const pending = http.match('/api/health');
      if (pending.length > 0) {
        for (const request of pending) request.flush({ status: 'ok', info: {}, details: {} });
        await new Promise((resolve) => setTimeout(resolve));
        return;
      }
    }
  }

  it('opens the sign-in page inside the shell from the start page', async () => {
    const page = await open('/');

    expect(router.url).toBe('/sign-in');
    expect(page.querySelector('mat-toolbar')?.textContent).toContain('Deskgram');
    expect(page.querySelector('dg-sign-in h1')?.textContent).toBe('Sign in');
    expect(TestBed.inject(Title).getTitle()).toBe('Sign in · Deskgram');
  });

  it('shows a translated page for an address that does not exist', async () => {
    const page = await open('/no/such/page');

    expect(page.querySelector('dg-not-found h1')?.textContent).toBe('Page not found');
    expect(page.querySelector('mat-toolbar')).not.toBeNull();
  });
});

describe('translations', () => {
  const en = readTranslations('en');
  const ru = readTranslations('ru');

  it('has a Russian text for every English one, and nothing else', () => {
    expect(keys(ru).sort()).toEqual(keys(en).sort());
  });

  it('has no empty texts', () => {
    for (const translations of [en, ru]) {
      const empty = texts(translations).filter(([, text]) => text.trim() === '');
      expect(empty).toEqual([]);
    }
  });
});
