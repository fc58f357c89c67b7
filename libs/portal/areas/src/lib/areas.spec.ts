import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonToggleGroupHarness } from '@angular/material/button-toggle/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  type InvoiceDto,
  type Role,
  type SessionDto,
  type TelegramStatusDto,
  type TicketDto,
} from '@deskgram/api-client';
import { SESSION_STORAGE_KEY } from '@deskgram/portal/auth';
import { LANGUAGE_STORAGE_KEY } from '@deskgram/portal/core';
import { nextMacrotask, providePortalForTests, textOf as text } from '@deskgram/portal/testing';
import { ClientDashboard } from './client-dashboard/client-dashboard';
import { Profile } from './profile/profile';

function signInAs(role: Role, displayName: string): void {
  const session: SessionDto = {
    accessToken: 'access',
    refreshToken: 'refresh',
    user: { id: 'id', email: 'anna@northwind.example', displayName, role, clientId: null },
  };
  localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
}

const CLIENT_ID = '4b0f4c1e-4e0c-4c43-9f3a-8d3f1f7f0a01';

function ticket(overrides: Partial<TicketDto> = {}): TicketDto {
  return {
    id: '9a000000-0000-4000-8000-000000001042',
    number: 'T-1042',
    subject: 'Printer offline',
    status: 'open',
    priority: 'normal',
    clientId: CLIENT_ID,
    clientName: 'Northwind Trading',
    creatorId: 'id',
    assigneeId: null,
    assigneeName: null,
    createdAt: '2026-11-29T10:00:00.000Z',
    updatedAt: '2026-11-29T10:00:00.000Z',
    lastActivityAt: '2026-11-29T10:00:00.000Z',
    ...overrides,
  };
}

const overdueInvoice: InvoiceDto = {
  id: '7d1e0a52-1c1b-4f7e-9a0e-2b4f6c8d0e01',
  number: 'INV-2026-0003',
  clientId: CLIENT_ID,
  clientName: 'Northwind Trading',
  currency: 'EUR',
  total: '80.00',
  status: 'overdue',
  dueDate: '2026-11-01',
  issuedAt: '2026-10-01T10:00:00.000Z',
  paidAt: null,
  createdAt: '2026-10-01T09:00:00.000Z',
};

const telegramNotConnected: TelegramStatusDto = {
  botConfigured: true,
  connected: false,
  state: 'not_connected',
  username: null,
  firstName: null,
  linkedAt: null,
};

describe('the pages of the areas', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    document.documentElement.lang = '';
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'client', component: ClientDashboard },
            { path: 'profile', component: Profile },
          ],
          withComponentInputBinding(),
        ),
        provideHttpClient(),
        provideHttpClientTesting(),
        // Also creates the LanguageStore up front, as the app does; see providePortalForTests.
        providePortalForTests(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
  });

  describe(ClientDashboard.name, () => {
    async function request(url: string, status?: string): Promise<TestRequest> {
      await nextMacrotask();
      return http.expectOne((r) => r.url === url && (status === undefined || r.params.get('status') === status));
    }

    async function settle(): Promise<void> {
      await nextMacrotask();
      await harness.fixture.whenStable();
      await nextMacrotask();
      await harness.fixture.whenStable();
    }

    /** Opens the dashboard without waiting for it to be stable, which it is not before the API answers. */
    async function startDashboard(): Promise<HTMLElement> {
      signInAs('client', 'Northwind Trading');
      harness = await RouterTestingHarness.create('/client');
      return harness.routeNativeElement as HTMLElement;
    }

    /** Opens the dashboard and answers what its cards ask: the tickets, then the overdue and the issued invoices. */
    async function openDashboard(tickets: TicketDto[], invoices: InvoiceDto[]): Promise<HTMLElement> {
      const page = await startDashboard();
      const ticketList = await request('/api/tickets');
      expect(ticketList.request.params.get('pageSize')).toBe('100');
      ticketList.flush({ items: tickets, total: tickets.length });
      const overdue = invoices.filter((invoice) => invoice.status === 'overdue');
      const issued = invoices.filter((invoice) => invoice.status === 'issued');
      (await request('/api/invoices', 'overdue')).flush({ items: overdue, total: overdue.length });
      (await request('/api/invoices', 'issued')).flush({ items: issued, total: issued.length });
      (await request('/api/telegram/client/status')).flush(telegramNotConnected);
      await settle();
      return page;
    }

    it('greets the client by name and shows the open tickets, the unpaid invoices and the Telegram card', async () => {
      const page = await openDashboard(
        [
          ticket(),
          ticket({ id: 't2', number: 'T-1043', subject: 'VPN drops', status: 'waiting_for_client' }),
          ticket({ id: 't3', number: 'T-1001', subject: 'Old problem', status: 'closed' }),
        ],
        [overdueInvoice],
      );

      expect(text(page.querySelector('h1'))).toBe('Hello, Northwind Trading');
      const tickets = page.querySelector('[data-testid="open-tickets"]');
      expect(text(tickets?.querySelector('mat-card-title'))).toBe('My open tickets');
      expect(Array.from(tickets?.querySelectorAll('.subject') ?? []).map(text)).toEqual([
        'Printer offline',
        'VPN drops',
      ]);
      expect(text(tickets?.querySelector('.number'))).toBe('T-1042');
      expect(tickets?.querySelector('li a')?.getAttribute('href')).toBe(`/client/tickets/${ticket().id}`);
      const invoices = page.querySelector('[data-testid="unpaid-invoices"]');
      expect(text(invoices?.querySelector('li'))).toContain('INV-2026-0003');
      expect(text(invoices?.querySelector('li'))).toContain('€80.00');
      expect(invoices?.querySelector('li a')?.getAttribute('href')).toBe(`/client/invoices/${overdueInvoice.id}`);
      expect(text(page.querySelector('dg-telegram-card'))).toContain('Connect Telegram');
    });

    it('says when nothing is open and nothing is to pay', async () => {
      const page = await openDashboard([ticket({ status: 'resolved' })], []);

      expect(text(page.querySelector('[data-testid="open-tickets"]'))).toContain('No open tickets. All is well.');
      expect(text(page.querySelector('[data-testid="unpaid-invoices"]'))).toContain(
        'Nothing to pay. All your invoices are settled.',
      );
    });

    it('shows "Loading" first, and "Retry" when the tickets could not be loaded', async () => {
      const page = await startDashboard();
      const tickets = () => page.querySelector('[data-testid="open-tickets"]');
      expect(text(tickets()?.querySelector('[role="status"]'))).toBe('Loading tickets…');

      (await request('/api/tickets')).flush(
        { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' },
        { status: 500, statusText: 'Internal Server Error' },
      );
      (await request('/api/invoices', 'overdue')).flush({ items: [], total: 0 });
      (await request('/api/invoices', 'issued')).flush({ items: [], total: 0 });
      (await request('/api/telegram/client/status')).flush(telegramNotConnected);
      await settle();
      expect(text(tickets()?.querySelector('[role="alert"]'))).toContain('Your tickets could not be loaded.');

      const retry = Array.from(tickets()?.querySelectorAll('button') ?? []).find((b) => text(b) === 'Retry');
      retry?.click();
      (await request('/api/tickets')).flush({ items: [ticket()], total: 1 });
      await settle();
      expect(tickets()?.querySelector('[role="alert"]')).toBeNull();
      expect(text(tickets()?.querySelector('.subject'))).toBe('Printer offline');
    });
  });

  describe(Profile.name, () => {
    let loader: HarnessLoader;

    /** Opens the profile and answers the Telegram card's question for the status (the staff's or a client's). */
    async function openProfile(telegramArea: 'client' | 'user'): Promise<HTMLElement> {
      harness = await RouterTestingHarness.create('/profile');
      await nextMacrotask();
      http.expectOne(`/api/telegram/${telegramArea}/status`).flush({
        ...telegramNotConnected,
        state: 'connected',
        connected: true,
        username: 'anna_h',
        linkedAt: '2026-11-29T10:00:00.000Z',
      });
      // The notification preferences below the card ask for the person's switches.
      http.expectOne('/api/notifications/preferences').flush({
        items: [
          { kind: 'ticket_reply', enabled: true },
          { kind: 'ticket_status', enabled: false },
        ],
      });
      await nextMacrotask();
      await harness.fixture.whenStable();
      loader = TestbedHarnessEnvironment.loader(harness.fixture);
      return harness.routeNativeElement as HTMLElement;
    }

    it('shows my name, e-mail address and role, and the Telegram card', async () => {
      signInAs('client', 'Northwind Trading');
      const page = await openProfile('client');

      expect(details(page)).toEqual(['Name: Northwind Trading', 'E-mail: anna@northwind.example', 'Role: Client']);
      expect(text(page.querySelector('dg-telegram-card'))).toContain('Connected as @anna_h since 29 Nov 2026');
    });

    it('shows my notification preferences below the Telegram card, where its link leads', async () => {
      signInAs('client', 'Northwind Trading');
      const page = await openProfile('client');

      const preferences = page.querySelector('#notifications');
      expect(preferences?.tagName.toLowerCase()).toBe('dg-notification-preferences');
      expect(page.querySelector('dg-telegram-card')?.nextElementSibling).toBe(preferences);
      expect(Array.from(preferences?.querySelectorAll('.kind-label') ?? []).map(text)).toEqual([
        'Replies',
        'Status changes',
      ]);
    });

    it('switches the language of the portal and remembers it', async () => {
      signInAs('admin', 'Alex Morgan');
      const page = await openProfile('user');
      const group = await loader.getHarness(MatButtonToggleGroupHarness);
      const [english, russian] = await group.getToggles();
      expect(await english.isChecked()).toBe(true);

      await russian.check();

      expect(text(page.querySelector('h1'))).toBe('Профиль');
      expect(details(page)).toContain('Роль: Администратор');
      expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ru');
      expect(text(page.querySelector('dg-telegram-card'))).toContain('Подключён аккаунт @anna_h с 29 нояб. 2026');
    });

    function details(page: HTMLElement): string[] {
      return Array.from(page.querySelectorAll('[data-testid="my-details"] .detail')).map(
        (detail) => `${text(detail.querySelector('dt'))}: ${text(detail.querySelector('dd'))}`,
      );
    }
  });
});
