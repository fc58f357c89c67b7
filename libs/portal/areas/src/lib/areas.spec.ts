import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { type Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonToggleGroupHarness } from '@angular/material/button-toggle/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { type Role, type SessionDto } from '@deskgram/api-client';
import { SESSION_STORAGE_KEY } from '@deskgram/portal/auth';
import { LANGUAGE_STORAGE_KEY, providePortalIcons } from '@deskgram/portal/core';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClientDashboard } from './client-dashboard/client-dashboard';
import { PlaceholderPage } from './placeholder-page/placeholder-page';
import { Profile } from './profile/profile';
import { StaffQueue } from './staff-queue/staff-queue';

/** The portal's real texts, so that a missing key shows up here as a raw key instead of a sentence. */
function translations(language: string): object {
  return JSON.parse(readFileSync(join(__dirname, `../../../../../apps/portal/public/i18n/${language}.json`), 'utf8'));
}

function signInAs(role: Role, displayName: string): void {
  const session: SessionDto = {
    accessToken: 'access',
    refreshToken: 'refresh',
    user: { id: 'id', email: 'anna@northwind.example', displayName, role, clientId: null },
  };
  localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
}

describe('the pages of the areas', () => {
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    localStorage.clear();
    document.documentElement.lang = '';
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { en: translations('en'), ru: translations('ru') },
          translocoConfig: { availableLangs: ['en', 'ru'], defaultLang: 'en', reRenderOnLangChange: true },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideRouter(
          [
            { path: 'client', component: ClientDashboard },
            { path: 'staff', component: StaffQueue },
            { path: 'profile', component: Profile },
            ...(['clientTickets', 'clientInvoices', 'staffInvoices', 'staffDeliveries'] as const).map((page) => ({
              path: page,
              data: { page },
              component: PlaceholderPage,
            })),
          ],
          withComponentInputBinding(),
        ),
        provideHttpClient(),
        provideHttpClientTesting(),
        providePortalIcons(),
      ],
    });
  });

  async function open(url: string, component: Type<unknown>): Promise<HTMLElement> {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, component);
    await harness.fixture.whenStable();
    return harness.routeNativeElement as HTMLElement;
  }

  function text(element: Element | null | undefined): string {
    return element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  describe(ClientDashboard.name, () => {
    it('greets the client by name and says what the empty sections will hold', async () => {
      signInAs('client', 'Northwind Trading');
      const page = await open('/client', ClientDashboard);

      expect(text(page.querySelector('h1'))).toBe('Hello, Northwind Trading');
      expect(text(page.querySelector('[data-testid="open-tickets"]'))).toContain('No open tickets');
      expect(text(page.querySelector('[data-testid="open-tickets"]'))).toContain('arrive with the helpdesk');
      expect(text(page.querySelector('[data-testid="unpaid-invoices"]'))).toContain('No unpaid invoices');
      expect(text(page.querySelector('dg-telegram-card'))).toContain('Notifications in Telegram are coming soon');
    });
  });

  describe(StaffQueue.name, () => {
    it('says that the queue arrives with the helpdesk', async () => {
      const page = await open('/staff', StaffQueue);

      expect(text(page.querySelector('h1'))).toBe('Queue');
      expect(text(page)).toContain('The ticket queue arrives with the helpdesk');
    });
  });

  describe(PlaceholderPage.name, () => {
    it.each([
      ['clientTickets', 'Tickets', 'No tickets yet'],
      ['clientInvoices', 'Invoices', 'No invoices yet'],
      ['staffInvoices', 'Invoices', 'No invoices yet'],
      ['staffDeliveries', 'Deliveries', 'Nothing sent yet'],
    ])('shows the %s page the route names, with its empty state', async (path, title, empty) => {
      const page = await open(`/${path}`, PlaceholderPage);

      expect(text(page.querySelector('h1'))).toBe(title);
      expect(text(page.querySelector('dg-empty-state'))).toContain(empty);
    });
  });

  describe(Profile.name, () => {
    let loader: HarnessLoader;

    async function openProfile(): Promise<HTMLElement> {
      const page = await open('/profile', Profile);
      loader = TestbedHarnessEnvironment.loader(harness.fixture);
      return page;
    }

    it('shows my name, e-mail address and role, and the Telegram card', async () => {
      signInAs('client', 'Northwind Trading');
      const page = await openProfile();

      expect(details(page)).toEqual(['Name: Northwind Trading', 'E-mail: anna@northwind.example', 'Role: Client']);
      expect(text(page.querySelector('dg-telegram-card'))).toContain('Telegram');
    });

    it('switches the language of the portal and remembers it', async () => {
      signInAs('admin', 'Alex Morgan');
      const page = await openProfile();
      const group = await loader.getHarness(MatButtonToggleGroupHarness);
      const [english, russian] = await group.getToggles();
      expect(await english.isChecked()).toBe(true);

      await russian.check();

      expect(text(page.querySelector('h1'))).toBe('Профиль');
      expect(details(page)).toContain('Роль: Администратор');
      expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ru');
    });

    function details(page: HTMLElement): string[] {
      return Array.from(page.querySelectorAll('[data-testid="my-details"] .detail')).map(
        (detail) => `${text(detail.querySelector('dt'))}: ${text(detail.querySelector('dd'))}`,
      );
    }
  });
});
