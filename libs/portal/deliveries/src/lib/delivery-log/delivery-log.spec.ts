import { BreakpointObserver } from '@angular/cdk/layout';
import { type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { type DeliveryDto, type DeliveryListDto } from '@deskgram/api-client';
import {
  apiError,
  click,
  expectRequest,
  nextMacrotask,
  providePortalForTests,
  statusText,
  textOf,
} from '@deskgram/portal/testing';
import { of } from 'rxjs';
import { DELIVERIES_ROUTES } from '../deliveries.routes';
import { DELIVERY_REFRESH_MS, DeliveryLog } from './delivery-log';

const NOW = Date.now();
const minutesAgo = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();

const sent: DeliveryDto = {
  id: 'd0000000-0000-4000-8000-000000000001',
  recipient: { id: 'u0000000-0000-4000-8000-000000000001', displayName: 'Anna Smith', role: 'client' },
  kind: 'ticket_reply',
  reference: 'T-1042',
  preview: 'New reply on T-1042 Printer offline: We are looking into it.',
  status: 'sent',
  attempts: 1,
  lastError: null,
  createdAt: minutesAgo(5),
  sentAt: minutesAgo(4),
  nextAttemptAt: minutesAgo(5),
};
const failed: DeliveryDto = {
  ...sent,
  id: 'd0000000-0000-4000-8000-000000000002',
  recipient: { id: 'u0000000-0000-4000-8000-000000000002', displayName: 'Sam Rivera', role: 'agent' },
  kind: 'invoice_overdue',
  reference: 'INV-2026-0007',
  preview: 'Invoice INV-2026-0007 is overdue.',
  status: 'failed',
  attempts: 5,
  lastError: 'Forbidden: bot was blocked by the user',
  sentAt: null,
};

describe(DeliveryLog.name, () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let loader: HarnessLoader;
  let rootLoader: HarnessLoader;

  function configure(compact = false): void {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'staff/deliveries', children: DELIVERIES_ROUTES }], withComponentInputBinding()),
        providePortalForTests(),
        { provide: DELIVERY_REFRESH_MS, useValue: 30 },
        ...(compact
          ? [{ provide: BreakpointObserver, useValue: { observe: () => of({ matches: true, breakpoints: {} }) } }]
          : []),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  }

  afterEach(() => {
    http.verify();
  });

  function page(): HTMLElement {
    return harness.routeNativeElement as HTMLElement;
  }

  function rows(): HTMLElement[] {
    return Array.from(page().querySelectorAll<HTMLElement>('[data-testid="delivery-row"]'));
  }

  async function listRequest(): Promise<TestRequest> {
    return expectRequest(
      http,
      (request) => request.method === 'GET' && request.url === '/api/notifications/deliveries',
    );
  }

  async function answer(request: TestRequest, body: object, status = 200): Promise<void> {
    request.flush(body, { status, statusText: statusText(status) });
    await nextMacrotask();
    await harness.fixture.whenStable();
  }

  async function open(url = '/staff/deliveries', list: DeliveryListDto = { items: [sent, failed], total: 2 }) {
    harness = await RouterTestingHarness.create(url);
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
    rootLoader = TestbedHarnessEnvironment.documentRootLoader(harness.fixture);
    const request = await listRequest();
    await answer(request, list);
    return request;
  }

  /** Waits longer than the refresh interval of these tests: the time in which a request that should not come would. */
  function afterRefreshInterval(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 80));
  }

  describe('on a wide screen', () => {
    beforeEach(() => configure());

    it('lists the deliveries with state, kind, reference, recipient, message, attempts and times', async () => {
      const request = await open();

      expect(request.request.params.get('page')).toBe('1');
      expect(request.request.params.has('status')).toBe(false);
      expect(request.request.params.has('kind')).toBe(false);
      expect(textOf(page().querySelector('h1'))).toBe('Delivery log');
      const [first, second] = rows();
      expect(rows()).toHaveLength(2);
      expect(textOf(first.querySelector('[data-testid="delivery-status"]'))).toBe('Sent');
      expect(textOf(first.querySelector('.kind'))).toBe('Ticket reply');
      expect(textOf(first.querySelector('.reference'))).toBe('T-1042');
      expect(textOf(first.querySelector('.recipient'))).toBe('Anna Smith');
      expect(textOf(first.querySelector('.role'))).toBe('Client');
      expect(first.querySelector('.preview')?.getAttribute('title')).toBe(sent.preview);
      expect(textOf(first.querySelector('.attempts'))).toBe('Attempts: 1');
      expect(textOf(first.querySelector('.created'))).toBe('5 minutes ago');
      expect(first.querySelector('.created')?.getAttribute('title')).toMatch(/\d{4}/);
      expect(textOf(first.querySelector('.sent'))).toBe('sent 4 minutes ago');
      expect(first.querySelector('.last-error')).toBeNull();
      expect(first.querySelector('[data-testid="delivery-retry"]')).toBeNull();

      expect(textOf(second.querySelector('[data-testid="delivery-status"]'))).toBe('Failed');
      expect(textOf(second.querySelector('.kind'))).toBe('Invoice overdue');
      expect(textOf(second.querySelector('.attempts'))).toBe('Attempts: 5');
      expect(textOf(second.querySelector('.last-error'))).toBe('Forbidden: bot was blocked by the user');
      expect(textOf(second.querySelector('.sent'))).toBe('');
      expect(textOf(second.querySelector('[data-testid="delivery-retry"]'))).toBe('Retry');
    });

    it('asks for the status and kind of the address, and puts a chosen filter into the address', async () => {
      const first = await open('/staff/deliveries?kind=invoice_overdue&page=2', { items: [failed], total: 21 });
      expect(first.request.params.get('kind')).toBe('invoice_overdue');
      expect(first.request.params.get('page')).toBe('2');

      const failedChip = Array.from(page().querySelectorAll('mat-chip-option')).find((c) => textOf(c) === 'Failed');
      failedChip?.querySelector<HTMLElement>('.mdc-evolution-chip__action--primary')?.click();
      const byStatus = await listRequest();
      expect(byStatus.request.params.get('status')).toBe('failed');
      expect(byStatus.request.params.get('kind')).toBe('invoice_overdue');
      expect(byStatus.request.params.get('page')).toBe('1');
      await answer(byStatus, { items: [failed], total: 1 });
      expect(TestBed.inject(Router).url).toBe('/staff/deliveries?kind=invoice_overdue&status=failed');

      // Opened with the harness, chosen natively: the harness would wait for the list the choice starts loading.
      await (await loader.getHarness(MatSelectHarness)).open();
      Array.from(document.querySelectorAll<HTMLElement>('mat-option'))
        .find((option) => textOf(option) === 'Ticket reply')
        ?.click();
      const byKind = await listRequest();
      expect(byKind.request.params.get('kind')).toBe('ticket_reply');
      expect(byKind.request.params.get('status')).toBe('failed');
      await answer(byKind, { items: [], total: 0 });
      expect(TestBed.inject(Router).url).toBe('/staff/deliveries?kind=ticket_reply&status=failed');
      expect(textOf(page().querySelector('.state-title'))).toBe('No notifications match these filters');

      click(page(), 'Clear filters');
      const all = await listRequest();
      expect(all.request.params.has('status')).toBe(false);
      expect(all.request.params.has('kind')).toBe(false);
      await answer(all, { items: [sent], total: 1 });
      expect(TestBed.inject(Router).url).toBe('/staff/deliveries');
    });

    it('sends a failed delivery again and shows it pending, then follows it until it is sent', async () => {
      await open();

      rows()[1].querySelector<HTMLButtonElement>('[data-testid="delivery-retry"]')?.click();
      await nextMacrotask();
      const retry = http.expectOne({ method: 'POST', url: `/api/notifications/deliveries/${failed.id}/retry` });
      const pending: DeliveryDto = { ...failed, status: 'pending', attempts: 0, lastError: null };
      await answer(retry, pending);

      expect(textOf(rows()[1].querySelector('[data-testid="delivery-status"]'))).toBe('Pending');
      expect(rows()[1].querySelector('[data-testid="delivery-retry"]')).toBeNull();
      expect(rows()[1].querySelector('.last-error')).toBeNull();
      expect(await (await rootLoader.getHarness(MatSnackBarHarness)).getMessage()).toBe(
        'The notification to Sam Rivera will be sent again',
      );

      // A pending row makes the log ask again by itself, until nothing is on its way.
      const refresh = await listRequest();
      await answer(refresh, {
        items: [sent, { ...pending, status: 'sent', attempts: 1, sentAt: minutesAgo(0) }],
        total: 2,
      });
      expect(textOf(rows()[1].querySelector('[data-testid="delivery-status"]'))).toBe('Sent');
      await afterRefreshInterval();
      http.expectNone('/api/notifications/deliveries');
    });

    it('says in the page’s language why a delivery cannot be sent again', async () => {
      await open();

      click(rows()[1], 'Retry');
      const retry = await expectRequest(http, {
        method: 'POST',
        url: `/api/notifications/deliveries/${failed.id}/retry`,
      });
      await answer(retry, apiError(409, 'Sam Rivera has no connected Telegram now', 'delivery.not_connected'), 409);

      const snackBar = await rootLoader.getHarness(MatSnackBarHarness);
      expect(await snackBar.getMessage()).toBe('The recipient has no connected Telegram now.');
      expect(await snackBar.getActionDescription()).toBe('OK');
      expect(textOf(rows()[1].querySelector('[data-testid="delivery-status"]'))).toBe('Failed');
    });

    it('stops asking again once the page is left', async () => {
      await open('/staff/deliveries', { items: [{ ...sent, status: 'sending', sentAt: null }], total: 1 });

      harness.fixture.destroy();
      await afterRefreshInterval();
      http.expectNone('/api/notifications/deliveries');
    });

    it('asks again on "Refresh"', async () => {
      await open();

      click(page(), 'Refresh');
      await answer(await listRequest(), { items: [failed], total: 1 });

      expect(rows()).toHaveLength(1);
    });

    it('says what to expect while nothing has been sent', async () => {
      await open('/staff/deliveries', { items: [], total: 0 });

      expect(rows()).toHaveLength(0);
      expect(textOf(page().querySelector('.state-title'))).toBe('No notifications have been sent yet');
      expect(textOf(page().querySelector('.state-message'))).toContain('connect Telegram');
      expect(page().querySelector('mat-paginator')).toBeNull();
    });

    it('offers to try again when the log cannot be loaded', async () => {
      harness = await RouterTestingHarness.create('/staff/deliveries');
      await answer(await listRequest(), apiError(500, 'Internal server error'), 500);

      expect(textOf(page().querySelector('[role="alert"] .state-title'))).toBe('The delivery log could not be loaded.');
      click(page(), 'Retry');
      await answer(await listRequest(), { items: [sent], total: 1 });

      expect(page().querySelector('[role="alert"]')).toBeNull();
      expect(rows()).toHaveLength(1);
    });
  });

  describe('on a phone', () => {
    beforeEach(() => configure(true));

    it('shows each delivery as a card with its state, recipient, error and retry', async () => {
      await open();

      expect(page().querySelector('table')).toBeNull();
      const [first, second] = rows();
      expect(first.tagName).toBe('LI');
      expect(textOf(first.querySelector('[data-testid="delivery-status"]'))).toBe('Sent');
      expect(textOf(first)).toContain('Anna Smith (Client)');
      expect(textOf(first)).toContain('Attempts: 1 · sent 4 minutes ago');
      expect(textOf(second.querySelector('.last-error'))).toBe('Forbidden: bot was blocked by the user');
      expect(textOf(second.querySelector('[data-testid="delivery-retry"]'))).toBe('Retry');
    });
  });
});
