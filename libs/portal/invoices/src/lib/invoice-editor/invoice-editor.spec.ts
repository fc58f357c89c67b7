import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { type ClientSummaryDto, type InvoiceDetailDto } from '@deskgram/api-client';
import { apiError, click, nextMacrotask, providePortalForTests, textOf, type } from '@deskgram/portal/testing';
import { STAFF_INVOICES_ROUTES } from '../invoices.routes';
import { InvoiceEditor } from './invoice-editor';

const northwind: ClientSummaryDto = {
  id: '4b0f4c1e-4e0c-4c43-9f3a-8d3f1f7f0a01',
  name: 'Northwind Trading',
  email: 'anna@northwind.example',
  phone: null,
  company: null,
  userCount: 1,
  createdAt: '2026-03-12T09:30:00.000Z',
};

const draft: InvoiceDetailDto = {
  id: '7d1e0a52-1c1b-4f7e-9a0e-2b4f6c8d0e01',
  number: null,
  clientId: northwind.id,
  clientName: northwind.name,
  currency: 'EUR',
  total: '221.50',
  status: 'draft',
  dueDate: '2026-12-31',
  issuedAt: null,
  paidAt: null,
  createdAt: '2026-11-29T10:00:00.000Z',
  items: [
    { description: 'Support hours', quantity: '3', unitPrice: '40.50', amount: '121.50' },
    { description: 'Setup', quantity: '1', unitPrice: '100.00', amount: '100.00' },
  ],
};

describe(InvoiceEditor.name, () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'staff/invoices', children: STAFF_INVOICES_ROUTES }], withComponentInputBinding()),
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

  async function stable(): Promise<void> {
    await nextMacrotask();
    await harness.fixture.whenStable();
  }

  function inputs(selector: string): HTMLInputElement[] {
    return Array.from(page().querySelectorAll<HTMLInputElement>(selector));
  }

  async function openNew(): Promise<void> {
    harness = await RouterTestingHarness.create('/staff/invoices/new');
    await nextMacrotask();
    http.expectOne((request) => request.url === '/api/clients').flush({ items: [northwind], total: 1 });
    await stable();
  }

  async function openExisting(invoice: InvoiceDetailDto): Promise<void> {
    harness = await RouterTestingHarness.create(`/staff/invoices/${invoice.id}`);
    await nextMacrotask();
    http.expectOne({ method: 'GET', url: `/api/invoices/${invoice.id}` }).flush(invoice);
    await stable();
  }

  async function fillLine(index: number, description: string, quantity: string, unitPrice: string): Promise<void> {
    type(inputs('.line-description')[index], description);
    type(inputs('.line-quantity')[index], quantity);
    type(inputs('.line-price')[index], unitPrice);
    await harness.fixture.whenStable();
  }

  it('works out the line amounts and the total exactly as the person types', async () => {
    await openNew();

    await fillLine(0, 'Support hours', '3', '40.50');
    expect(textOf(page().querySelector('.total-amount'))).toBe('€121.50');
    click(page(), 'Add line');
    await harness.fixture.whenStable();
    await fillLine(1, 'Setup', '1', '100.00');

    expect(Array.from(page().querySelectorAll('.line-amount')).map(textOf)).toEqual(['€121.50', '€100.00']);
    expect(textOf(page().querySelector('.total-amount'))).toBe('€221.50');
  });

  it('adds tenths without floating-point error', async () => {
    await openNew();

    await fillLine(0, 'A', '1', '0.10');
    click(page(), 'Add line');
    await harness.fixture.whenStable();
    await fillLine(1, 'B', '1', '0.20');

    expect(textOf(page().querySelector('.total-amount'))).toBe('€0.30');
  });

  it('creates a draft with the client, currency, due date and lines, then opens it', async () => {
    await openNew();
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);
    const clientPicker = await loader.getHarness(MatAutocompleteHarness.with({ selector: '.client-input' }));
    await clientPicker.selectOption({ text: 'Northwind Trading' });
    type(inputs('.due-input')[0], '2026-12-31');
    await fillLine(0, 'Support hours', '3', '40.50');
    click(page(), 'Add line');
    await harness.fixture.whenStable();
    await fillLine(1, 'Setup', '1', '100.00');

    click(page(), 'Save draft');
    await nextMacrotask();
    const request = http.expectOne({ method: 'POST', url: '/api/invoices' });
    expect(request.request.body).toEqual({
      clientId: northwind.id,
      currency: 'EUR',
      dueDate: '2026-12-31',
      items: [
        { description: 'Support hours', quantity: '3', unitPrice: '40.50' },
        { description: 'Setup', quantity: '1', unitPrice: '100.00' },
      ],
    });
    request.flush(draft);
    await nextMacrotask();
    await nextMacrotask();

    expect(TestBed.inject(Router).url).toBe(`/staff/invoices/${draft.id}`);
    http.expectOne(`/api/invoices/${draft.id}`).flush(draft);
    await stable();
    const snackBar = await TestbedHarnessEnvironment.documentRootLoader(harness.fixture).getHarness(MatSnackBarHarness);
    expect(await snackBar.getMessage()).toBe('Draft created');
  });

  it('asks for confirmation before issuing, and issues only once confirmed', async () => {
    await openExisting(draft);

    click(page(), 'Issue');
    await harness.fixture.whenStable();
    const dialog = document.querySelector('mat-dialog-container') as HTMLElement;
    expect(textOf(dialog)).toContain('Issue this invoice?');
    await nextMacrotask();
    http.expectNone(`/api/invoices/${draft.id}/issue`);

    click(dialog, 'Issue');
    await nextMacrotask();
    http
      .expectOne({ method: 'POST', url: `/api/invoices/${draft.id}/issue` })
      .flush({ ...draft, status: 'issued', number: 'INV-2026-0007', issuedAt: '2026-11-29T12:00:00.000Z' });
    await stable();

    expect(page().querySelector('h1')?.textContent?.trim()).toBe('INV-2026-0007');
    expect(inputs('.line-quantity').every((input) => input.disabled)).toBe(true);
    expect(page().querySelector('.save')).toBeNull();
    const snackBar = await TestbedHarnessEnvironment.documentRootLoader(harness.fixture).getHarness(MatSnackBarHarness);
    expect(await snackBar.getMessage()).toBe('Invoice issued');
  });

  it('does nothing when the confirmation is cancelled', async () => {
    await openExisting(draft);

    click(page(), 'Void');
    await harness.fixture.whenStable();
    click(document.querySelector('mat-dialog-container') as HTMLElement, 'Cancel');
    await stable();

    http.expectNone(`/api/invoices/${draft.id}/void`);
  });

  it('shows the message of a refused transition', async () => {
    await openExisting({ ...draft, status: 'issued', number: 'INV-2026-0007' });

    click(page(), 'Mark paid');
    await harness.fixture.whenStable();
    click(document.querySelector('mat-dialog-container') as HTMLElement, 'Mark paid');
    await nextMacrotask();
    http
      .expectOne({ method: 'POST', url: `/api/invoices/${draft.id}/pay` })
      .flush(apiError(409, 'A void invoice cannot be paid', 'invoice.invalid_transition'), {
        status: 409,
        statusText: 'Conflict',
      });
    await stable();

    const snackBar = await TestbedHarnessEnvironment.documentRootLoader(harness.fixture).getHarness(MatSnackBarHarness);
    expect(await snackBar.getMessage()).toBe('A void invoice cannot be paid');
  });
});
