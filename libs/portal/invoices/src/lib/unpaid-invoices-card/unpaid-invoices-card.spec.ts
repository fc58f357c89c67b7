import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { type InvoiceDto } from '@deskgram/api-client';
import { nextMacrotask, providePortalForTests, textOf } from '@deskgram/portal/testing';
import { UnpaidInvoicesCard } from './unpaid-invoices-card';

const overdue: InvoiceDto = {
  id: '7d1e0a52-1c1b-4f7e-9a0e-2b4f6c8d0e01',
  number: 'INV-2026-0003',
  clientId: '4b0f4c1e-4e0c-4c43-9f3a-8d3f1f7f0a01',
  clientName: 'Northwind Trading',
  currency: 'EUR',
  total: '80.00',
  status: 'overdue',
  dueDate: '2026-11-01',
  issuedAt: '2026-10-01T10:00:00.000Z',
  paidAt: null,
  createdAt: '2026-10-01T09:00:00.000Z',
};

describe(UnpaidInvoicesCard.name, () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), providePortalForTests()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
  });

  async function render(overdueItems: InvoiceDto[], issuedItems: InvoiceDto[]) {
    const fixture = TestBed.createComponent(UnpaidInvoicesCard);
    await nextMacrotask();
    const requests = http.match((request) => request.url === '/api/invoices');
    expect(requests.map((request) => request.request.params.get('status'))).toEqual(['overdue', 'issued']);
    requests[0].flush({ items: overdueItems, total: overdueItems.length });
    requests[1].flush({ items: issuedItems, total: issuedItems.length });
    await nextMacrotask();
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('lists the unpaid invoices with due date and total, linking to each', async () => {
    const card = await render([overdue], []);

    const item = card.querySelector('li');
    expect(Array.from(item?.children ?? []).map(textOf)).toEqual([
      'INV-2026-0003',
      'Overdue',
      'due Nov 1, 2026',
      '€80.00',
    ]);
    expect(item?.classList).toContain('overdue');
    expect(card.querySelector('li a')?.getAttribute('href')).toBe(`/client/invoices/${overdue.id}`);
  });

  it('says when there is nothing to pay', async () => {
    const card = await render([], []);

    expect(textOf(card.querySelector('.state'))).toBe('Nothing to pay. All your invoices are settled.');
  });
});
