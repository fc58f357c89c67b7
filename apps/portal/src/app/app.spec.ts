import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { provideHttpClientTesting, HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { Router } from '@angular/router';
import { type Role, type SessionDto, type UserDto } from '@deskgram/api-client';
import { SESSION_STORAGE_KEY } from '@deskgram/portal/auth';
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
  let signedInUser: UserDto | undefined;

  beforeEach(() => {
    localStorage.clear();
    signedInUser = undefined;
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
    await answerApi();
    await fixture.whenStable();
    return fixture.nativeElement;
  }

  /**
   * Answers what the pages ask the API: the sign-in page whether it is up, the signed-in layout who is signed in.
   * The client is Promise-based, so requests show up a task later; the app is stable only once they are answered.
   */
  async function answerApi(): Promise<void> {
    const http = TestBed.inject(HttpTestingController);
    for (let tick = 0; tick < 10; tick++) {
      await new Promise((resolve) => setTimeout(resolve));
      for (const request of http.match('/api/health')) request.flush({ status: 'ok', info: {}, details: {} });
      for (const request of http.match('/api/auth/me')) request.flush(signedInUser ?? null);
      // The Telegram card on the dashboard and the profile asks for the link's status (client or staff route).
      for (const request of http.match((r) => /^\/api\/telegram\/(client|user)\/status$/.test(r.url))) {
        request.flush({
          botConfigured: false,
          connected: false,
          state: 'not_connected',
          username: null,
          firstName: null,
          linkedAt: null,
        });
      }
      // The notification preferences on the profile.
      for (const request of http.match('/api/notifications/preferences')) request.flush({ items: [] });
      // The staff queue: the counts per status, the tickets, and the people and clients its filters offer.
      for (const request of http.match('/api/tickets/counts')) {
        request.flush({ open: 0, in_progress: 0, waiting_for_client: 0, resolved: 0, closed: 0 });
      }
      for (const url of ['/api/tickets', '/api/users', '/api/clients', '/api/invoices']) {
        for (const request of http.match((r) => r.method === 'GET' && r.url === url)) {
          request.flush({ items: [], total: 0 });
        }
      }
    }
  }

  function signInAs(role: Role, displayName: string): void {
    signedInUser = { id: `id-${role}`, email: `${role}@example.com`, displayName, role, clientId: null };
    const session: SessionDto = { accessToken: 'access', refreshToken: 'refresh', user: signedInUser };
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
  }

  function navigation(page: HTMLElement): string[] {
    return Array.from(page.querySelectorAll('nav a')).map((link) => link.textContent?.trim() ?? '');
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
  it('sends someone who is not signed in from a page of an area to sign in, with the way back', async () => {
    const page = await open('/client/invoices');

    expect(router.url).toBe('/sign-in?returnUrl=%2Fclient%2Finvoices');
    expect(page.querySelector('dg-sign-in')).not.toBeNull();
  });

  it('opens the client dashboard with the client navigation at the start page for a client', async () => {
    signInAs('client', 'Northwind Trading');

    const page = await open('/');

    expect(router.url).toBe('/client');
    expect(navigation(page)).toEqual(['Dashboard', 'Tickets', 'Invoices']);
    expect(page.querySelector('dg-client-dashboard h1')?.textContent?.trim()).toBe('Hello, Northwind Trading');
    expect(TestBed.inject(Title).getTitle()).toBe('Dashboard · Deskgram');
  });

  it('opens the queue for staff and keeps them out of the client area', async () => {
    signInAs('agent', 'Sam Rivera');

    const page = await open('/client/tickets');

    expect(router.url).toBe('/staff');
    expect(navigation(page)).toEqual(['Queue', 'Clients', 'Invoices', 'Deliveries']);
    expect(page.querySelector('dg-staff-queue h1')?.textContent?.trim()).toBe('Queue');
  });

  it('keeps a client out of the staff area', async () => {
    signInAs('client', 'Northwind Trading');

    await open('/staff/deliveries');

    expect(router.url).toBe('/client');
  });

  it('keeps an agent out of the staff accounts', async () => {
    signInAs('agent', 'Sam Rivera');

    await open('/staff/users');

    expect(router.url).toBe('/staff');
  });

  it('opens the profile by its address', async () => {
    signInAs('admin', 'Alex Morgan');

    expect((await open('/profile')).querySelector('dg-profile h1')?.textContent?.trim()).toBe('Profile');
  });

  it('takes a signed-in person off the sign-in page', async () => {
    signInAs('admin', 'Alex Morgan');

    await open('/sign-in');

    expect(router.url).toBe('/staff');
  });

  it('keeps the navigation on an address that does not exist for a signed-in person', async () => {
    signInAs('client', 'Northwind Trading');

    const page = await open('/client/no-such-page');

    expect(page.querySelector('dg-not-found h1')?.textContent).toBe('Page not found');
    expect(navigation(page)).toEqual(['Dashboard', 'Tickets', 'Invoices']);
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
