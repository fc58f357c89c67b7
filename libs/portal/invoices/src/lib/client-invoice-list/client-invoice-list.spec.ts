import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { type InvoiceDto } from '@deskgram/api-client';
import { TranslocoService } from '@jsverse/transloco';
import { apiError, click, nextMacrotask, providePortalForTests, textOf } from '@deskgram/portal/testing';
import { CLIENT_INVOICES_ROUTES } from '../invoices.routes';
import { ClientInvoiceList } from './client-invoice-list';

const base: Omit<InvoiceDto, 'id' | 'number' | 'currency' | 'total' | 'status' | 'dueDate'> = {
  clientId: '4b0f4c1e-4e0c-4c43-9f3a-8d3f1f7f0a01',
  clientName: 'Northwind Trading',
  issuedAt: '2026-11-01T10:00:00.000Z',
  paidAt: null,
  createdAt: '2026-11-01T09:00:00.000Z',
};
const euro: InvoiceDto = {
  ...base,
  id: '7d1e0a52-1c1b-4f7e-9a0e-2b4f6c8d0e01',
  number: 'INV-2026-0007',
  currency: 'EUR',
  total: '1221.50',
  status: 'overdue',
  dueDate: '2026-11-15',
};
const yen: InvoiceDto = {
  ...base,
  id: '7d1e0a52-1c1b-4f7e-9a0e-2b4f6c8d0e02',
  number: 'INV-2026-0008',
  currency: 'JPY',
  total: '5000',
  status: 'paid',
  dueDate: '2026-12-01',
};

describe(ClientInvoiceList.name, () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'client/invoices', children: CLIENT_INVOICES_ROUTES }], withComponentInputBinding()),
        providePortalForTests(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
  });

  function page(): HTMLElement {
    return harness.routeNativeElement as HTMLElement;
  }

  async function open(items: InvoiceDto[]): Promise<void> {
    harness = await RouterTestingHarness.create('/client/invoices');
    await nextMacrotask();
    http
      .expectOne((request) => request.method === 'GET' && request.url === '/api/invoices')
      .flush({ items, total: items.length });
    await nextMacrotask();
    await harness.fixture.whenStable();
  }

  it('shows number, status, due date and the total in the invoice currency, formatted for the language', async () => {
    await open([euro, yen]);
    const table = await TestbedHarnessEnvironment.loader(harness.fixture).getHarness(MatTableHarness);

    expect(await table.getCellTextByIndex()).toEqual([
      ['INV-2026-0007', 'Overdue', 'Nov 15, 2026', '€1,221.50'],
      ['INV-2026-0008', 'Paid', 'Dec 1, 2026', '¥5,000'],
    ]);
    expect(page().querySelector('tr.overdue')?.textContent).toContain('INV-2026-0007');
    expect(page().querySelector('a')?.getAttribute('href')).toBe(`/client/invoices/${euro.id}`);

    TestBed.inject(TranslocoService).setActiveLang('ru');
    await harness.fixture.whenStable();
    const totals = Array.from(page().querySelectorAll('td.total')).map((cell) => textOf(cell).replace(/\s/g, ' '));
    expect(totals).toEqual(['1 221,50 €', '5 000 ¥']);
    expect(textOf(page().querySelector('td.due'))).toBe('15 нояб. 2026 г.');
  });

  it('says when there are no invoices', async () => {
    await open([]);

    expect(textOf(page().querySelector('.state'))).toContain('No invoices yet.');
    expect(page().querySelector('table')).toBeNull();
  });

  it('offers Retry when the list could not be loaded', async () => {
    harness = await RouterTestingHarness.create('/client/invoices');
    await nextMacrotask();
    http
      .expectOne('/api/invoices?page=1&pageSize=20')
      .flush(apiError(500, 'Internal server error'), { status: 500, statusText: 'Internal Server Error' });
    await nextMacrotask();
    await harness.fixture.whenStable();
    expect(textOf(page().querySelector('[role="alert"]'))).toContain('The invoices could not be loaded.');

    click(page(), 'Retry');
    await nextMacrotask();
    http
      .expectOne((request) => request.method === 'GET' && request.url === '/api/invoices')
      .flush({ items: [euro], total: 1 });
    await nextMacrotask();
    await harness.fixture.whenStable();
    expect(page().querySelectorAll('tr.mat-mdc-row')).toHaveLength(1);
  });
});
