import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { type InvoiceDetailDto } from '@deskgram/api-client';
import { click, nextMacrotask, providePortalForTests, textOf } from '@deskgram/portal/testing';
import { CLIENT_INVOICES_ROUTES } from '../invoices.routes';
import { InvoicePage } from './invoice-page';

const invoice: InvoiceDetailDto = {
  id: '7d1e0a52-1c1b-4f7e-9a0e-2b4f6c8d0e01',
  number: 'INV-2026-0007',
  clientId: '4b0f4c1e-4e0c-4c43-9f3a-8d3f1f7f0a01',
  clientName: 'Northwind Trading',
  currency: 'GBP',
  total: '221.50',
  status: 'issued',
  dueDate: '2026-12-31',
  issuedAt: '2026-11-29T10:00:00.000Z',
  paidAt: null,
  createdAt: '2026-11-29T09:00:00.000Z',
  items: [
    { description: 'Support hours', quantity: '3', unitPrice: '40.50', amount: '121.50' },
    { description: 'Setup', quantity: '1', unitPrice: '100.00', amount: '100.00' },
  ],
};

describe(InvoicePage.name, () => {
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

  it('shows the invoice as a sheet with its lines and total, and prints it', async () => {
    harness = await RouterTestingHarness.create(`/client/invoices/${invoice.id}`);
    await nextMacrotask();
    http.expectOne(`/api/invoices/${invoice.id}`).flush(invoice);
    await nextMacrotask();
    await harness.fixture.whenStable();
    const page = harness.routeNativeElement as HTMLElement;

    expect(textOf(page.querySelector('.sheet-number'))).toBe('INV-2026-0007');
    expect(textOf(page.querySelector('.sheet-facts'))).toContain('Northwind Trading');
    expect(
      Array.from(page.querySelectorAll('.sheet-items tbody tr')).map((row) =>
        Array.from(row.querySelectorAll('td')).map(textOf),
      ),
    ).toEqual([
      ['Support hours', '3', '£40.50', '£121.50'],
      ['Setup', '1', '£100.00', '£100.00'],
    ]);
    expect(textOf(page.querySelector('.sheet-total'))).toBe('£221.50');

    const print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
    click(page, 'Print');
    expect(print).toHaveBeenCalledTimes(1);
    print.mockRestore();
  });

  it('says when the invoice does not exist', async () => {
    harness = await RouterTestingHarness.create(`/client/invoices/${invoice.id}`);
    await nextMacrotask();
    http
      .expectOne(`/api/invoices/${invoice.id}`)
      .flush({ statusCode: 404, message: 'Not found' }, { status: 404, statusText: 'Not Found' });
    await nextMacrotask();
    await harness.fixture.whenStable();

    expect(textOf((harness.routeNativeElement as HTMLElement).querySelector('[role="alert"]'))).toBe(
      'This invoice does not exist or is not yours.',
    );
  });
});
