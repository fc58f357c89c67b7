import { type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { MatSidenavHarness } from '@angular/material/sidenav/testing';
import { provideRouter, Router } from '@angular/router';
import { type Role, type SessionDto } from '@deskgram/api-client';
import { SESSION_STORAGE_KEY } from '@deskgram/portal/auth';
import { LANGUAGE_STORAGE_KEY, providePortalIcons } from '@deskgram/portal/core';
import { providePageIcons } from '@deskgram/portal/core/page-icons';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { SignedInShell } from './signed-in-shell';

const nav = {
  label: 'Main navigation',
  open: 'Open navigation',
  dashboard: 'Dashboard',
  tickets: 'Tickets',
  invoices: 'Invoices',
  queue: 'Queue',
  clients: 'Clients',
  deliveries: 'Deliveries',
  staffUsers: 'Staff users',
};

const translations = {
  en: {
    language: { change: 'Change language', en: 'English', ru: 'Русский' },
    shell: { home: 'Deskgram, start page' },
    nav,
    userMenu: { open: 'Account menu: {{ name }}', profile: 'Profile', language: 'Language', signOut: 'Sign out' },
    roles: { admin: 'Administrator', agent: 'Agent', client: 'Client' },
  },
  ru: {
    language: { change: 'Сменить язык', en: 'English', ru: 'Русский' },
    shell: { home: 'Deskgram, главная страница' },
    nav: { ...nav, dashboard: 'Обзор', tickets: 'Заявки', invoices: 'Счета' },
    userMenu: { open: 'Меню учётной записи: {{ name }}', profile: 'Профиль', language: 'Язык', signOut: 'Выйти' },
    roles: { admin: 'Администратор', agent: 'Сотрудник поддержки', client: 'Клиент' },
  },
};

const NAMES: Record<Role, string> = { admin: 'Alex Morgan', agent: 'Sam Rivera', client: 'Northwind Trading' };

function signInAs(role: Role): void {
  const session: SessionDto = {
    accessToken: 'access',
    refreshToken: 'refresh',
    user: { id: `id-${role}`, email: `${role}@example.com`, displayName: NAMES[role], role, clientId: null },
  };
  localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
}

@Component({ template: '' })
class Page {}

/** Pretends the window is as narrow as a phone, for the layout's media query. */
function narrowWindow(): void {
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    value: (query: string) => ({
      matches: true,
      media: query,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    }),
  });
}

describe(SignedInShell.name, () => {
  let fixture: ComponentFixture<SignedInShell>;
  let loader: HarnessLoader;
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = '';
  });

  afterEach(() => {
    delete (window as { matchMedia?: unknown }).matchMedia;
  });

  async function render(role: Role): Promise<HTMLElement> {
    signInAs(role);
    TestBed.configureTestingModule({
      imports: [
        SignedInShell,
        TranslocoTestingModule.forRoot({
          langs: translations,
          translocoConfig: { availableLangs: ['en', 'ru'], defaultLang: 'en', reRenderOnLangChange: true },
        }),
      ],
      providers: [
        provideRouter([{ path: '**', component: Page }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        providePortalIcons(),
        providePageIcons(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SignedInShell);
    loader = TestbedHarnessEnvironment.loader(fixture);
    // The layout checks the stored user with the API once.
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne('/api/auth/me').flush(JSON.parse(localStorage.getItem(SESSION_STORAGE_KEY) ?? '{}').user);
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    return fixture.nativeElement;
  }

  function navigationLabels(element: HTMLElement): string[] {
    return Array.from(element.querySelectorAll('nav a')).map((link) => link.textContent?.trim() ?? '');
  }

  describe('navigation', () => {
    it('shows a client their dashboard, tickets and invoices, and nothing of the staff', async () => {
      const element = await render('client');

      expect(navigationLabels(element)).toEqual(['Dashboard', 'Tickets', 'Invoices']);
      expect(element.querySelector('nav a')?.getAttribute('href')).toBe('/client');
    });

    it('shows an agent the staff pages without the staff accounts', async () => {
      const element = await render('agent');

      expect(navigationLabels(element)).toEqual(['Queue', 'Clients', 'Invoices', 'Deliveries']);
    });

    it('shows an administrator the staff accounts as well', async () => {
      const element = await render('admin');

      expect(navigationLabels(element)).toEqual(['Queue', 'Clients', 'Invoices', 'Deliveries', 'Staff users']);
      expect(element.querySelector('nav')?.getAttribute('aria-label')).toBe('Main navigation');
    });

    it('marks the page that is open', async () => {
      const element = await render('admin');

      await TestBed.inject(Router).navigateByUrl('/staff/clients');
      await fixture.whenStable();

      const current = element.querySelectorAll('nav a[aria-current="page"]');
      expect(Array.from(current).map((link) => link.textContent?.trim())).toEqual(['Clients']);
    });

    it('keeps the navigation beside the page on a wide screen, without a menu button', async () => {
      const element = await render('client');
      const sidenav = await loader.getHarness(MatSidenavHarness);

      expect(await sidenav.getMode()).toBe('side');
      expect(await sidenav.isOpen()).toBe(true);
      expect(element.querySelector('[data-testid="navigation-button"]')).toBeNull();
    });

    it('puts the navigation in a drawer behind the menu button on a narrow screen', async () => {
      narrowWindow();
      const element = await render('client');
      const sidenav = await loader.getHarness(MatSidenavHarness);
      expect(await sidenav.getMode()).toBe('over');
      expect(await sidenav.isOpen()).toBe(false);

      element.querySelector<HTMLElement>('[data-testid="navigation-button"]')?.click();
      await fixture.whenStable();
      expect(await sidenav.isOpen()).toBe(true);

      element.querySelector<HTMLElement>('nav a')?.click();
      await fixture.whenStable();
      expect(await sidenav.isOpen()).toBe(false);
    });
  });

  describe('user menu', () => {
    /** Uses the button, which brings the menu in (it is loaded then) and opens it. */
    async function openUserMenu(element: HTMLElement): Promise<MatMenuHarness> {
      element.querySelector<HTMLElement>('[data-testid="user-menu-button"]')?.click();
      await fixture.whenStable();
      const menu = await loader.getHarness(MatMenuHarness.with({ selector: '[data-testid="user-menu-button"]' }));
      expect(await menu.isOpen()).toBe(true);
      return menu;
    }

    it('names the person on its button and shows their e-mail address and role', async () => {
      const element = await render('admin');
      const button = element.querySelector('[data-testid="user-menu-button"]');
      expect(button?.textContent).toContain('AM');
      expect(button?.textContent).toContain('Alex Morgan');
      expect(button?.getAttribute('aria-label')).toBe('Account menu: Alex Morgan');

      const menu = await openUserMenu(element);
      const panel = document.querySelector('.mat-mdc-menu-panel')?.textContent ?? '';

      expect(panel).toContain('admin@example.com');
      expect(panel).toContain('Administrator');
      expect(await Promise.all((await menu.getItems()).map((item) => item.getText()))).toEqual([
        'Profile',
        'Language: English',
        'Sign out',
      ]);
    });

    it('switches the portal to Russian from the language submenu', async () => {
      const element = await render('client');
      const menu = await openUserMenu(element);

      await menu.clickItem({ text: 'Language: English' }, { text: /Русский/ });
      await fixture.whenStable();

      expect(navigationLabels(element)).toEqual(['Обзор', 'Заявки', 'Счета']);
      expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ru');
      expect(document.documentElement.lang).toBe('ru');
    });

    it('signs out and opens the sign-in page', async () => {
      const menu = await openUserMenu(await render('client'));

      const items = await menu.getItems({ text: 'Sign out' });
      // A native click: the harness would wait for the app to settle, which it does only once the API answers.
      (await items[0].host()).click().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve));
      const logout = http.expectOne('/api/auth/logout');
      expect(logout.request.body).toEqual({ refreshToken: 'refresh' });
      logout.flush(null, { status: 204, statusText: 'No Content' });
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();

      expect(localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
      expect(TestBed.inject(Router).url).toBe('/sign-in');
    });
  });
});
