import { type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { type ClientDto, type ClientListDto, type ClientSummaryDto } from '@deskgram/api-client';
import {
  apiError,
  click,
  expectRequest,
  nextMacrotask,
  providePortalForTests,
  statusText,
  textOf,
  type,
} from '@deskgram/portal/testing';
import { CLIENTS_ROUTES } from '../clients.routes';
import { ClientList } from './client-list';

const northwind: ClientSummaryDto = {
  id: '4b0f4c1e-4e0c-4c43-9f3a-8d3f1f7f0a01',
  name: 'Northwind Trading',
  email: 'anna@northwind.example',
  phone: '+44 20 7946 0958',
  company: 'Northwind Trading Ltd',
  userCount: 2,
  createdAt: '2026-03-12T09:30:00.000Z',
};
const romashka: ClientSummaryDto = {
  id: '4b0f4c1e-4e0c-4c43-9f3a-8d3f1f7f0a02',
  name: 'Ромашка',
  email: 'ivan@romashka.example',
  phone: '+7 495 123-45-67',
  company: 'ООО «Ромашка»',
  userCount: 1,
  createdAt: '2026-03-13T09:30:00.000Z',
};
const contoso: ClientSummaryDto = {
  id: '4b0f4c1e-4e0c-4c43-9f3a-8d3f1f7f0a03',
  name: 'Contoso Clinic',
  email: 'lee@contoso.example',
  phone: null,
  company: null,
  userCount: 1,
  createdAt: '2026-03-14T09:30:00.000Z',
};

describe(ClientList.name, () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let loader: HarnessLoader;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'staff/clients', children: CLIENTS_ROUTES }], withComponentInputBinding()),
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

  /** The list request the page has sent, once it reached the API. */
  async function listRequest(): Promise<TestRequest> {
    return expectRequest(http, (request) => request.method === 'GET' && request.url === '/api/clients');
  }

  async function answer(request: TestRequest, body: ClientListDto | object, status = 200): Promise<void> {
    request.flush(body, { status, statusText: statusText(status) });
    await nextMacrotask();
    await harness.fixture.whenStable();
  }

  async function open(url: string, list: ClientListDto = { items: [northwind, romashka, contoso], total: 3 }) {
    harness = await RouterTestingHarness.create(url);
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
    const request = await listRequest();
    await answer(request, list);
    return request;
  }

  function searchBox(): HTMLInputElement {
    const input = page().querySelector<HTMLInputElement>('input[type="search"]');
    if (!input) throw new Error('The search box is not on the page');
    return input;
  }

  it('lists the clients with company, e-mail, phone and number of users, and the total', async () => {
    const request = await open('/staff/clients');

    expect(request.request.params.get('page')).toBe('1');
    expect(request.request.params.get('pageSize')).toBe('20');
    expect(request.request.params.has('search')).toBe(false);
    expect(page().querySelector('h1')?.textContent).toBe('Clients');
    const table = await loader.getHarness(MatTableHarness);
    expect(await table.getCellTextByIndex()).toEqual([
      ['Northwind Trading', 'Northwind Trading Ltd', 'anna@northwind.example', '+44 20 7946 0958', '2'],
      ['Ромашка', 'ООО «Ромашка»', 'ivan@romashka.example', '+7 495 123-45-67', '1'],
      ['Contoso Clinic', '—', 'lee@contoso.example', '—', '1'],
    ]);
    expect(await (await loader.getHarness(MatPaginatorHarness)).getRangeLabel()).toBe('1–3 of 3');
  });

  it('links every client to its page', async () => {
    await open('/staff/clients');

    const link = Array.from(page().querySelectorAll('a')).find((a) => textOf(a) === 'Ромашка');
    expect(link?.getAttribute('href')).toBe(`/staff/clients/${romashka.id}`);
  });

  it('searches once the person stops typing, from the first page, and keeps the search in the address', async () => {
    await open('/staff/clients?page=3', { items: [northwind], total: 60 });

    type(searchBox(), 'nor');
    type(searchBox(), 'north ');
    const request = await listRequest();

    expect(request.request.params.get('search')).toBe('north');
    expect(request.request.params.get('page')).toBe('1');
    expect(TestBed.inject(Router).url).toBe('/staff/clients?search=north');
    // Until the answer arrives, the previous rows stay on screen, dimmed, instead of a skeleton.
    expect(page().querySelector('.surface')?.classList).toContain('is-loading');
    expect(page().querySelectorAll('tr.mat-mdc-row')).toHaveLength(1);
    expect(page().querySelector('mat-progress-bar')).not.toBeNull();
    await answer(request, { items: [northwind], total: 1 });
    expect(page().querySelector('mat-progress-bar')).toBeNull();
    expect(await (await loader.getHarness(MatTableHarness)).getRows()).toHaveLength(1);
    // What the person typed stays as typed, trailing space included.
    expect(searchBox().value).toBe('north ');
  });

  it('asks for the page the paginator moves to', async () => {
    await open('/staff/clients', { items: [northwind, romashka, contoso], total: 45 });

    const next = page().querySelector<HTMLButtonElement>('.mat-mdc-paginator-navigation-next');
    next?.click();
    const request = await listRequest();

    expect(request.request.params.get('page')).toBe('2');
    expect(TestBed.inject(Router).url).toBe('/staff/clients?page=2');
    await answer(request, { items: [contoso], total: 45 });
  });

  it('says there are no clients yet and offers to add the first one', async () => {
    await open('/staff/clients', { items: [], total: 0 });

    expect(textOf(page().querySelector('.state'))).toContain('No clients yet. Add the first one.');
    expect(Array.from(page().querySelectorAll('button')).filter((b) => textOf(b) === 'New client')).toHaveLength(2);
    expect(page().querySelector('table')).toBeNull();
    expect(page().querySelector('mat-paginator')).toBeNull();
  });

  it('says when nothing matches the search, and clears it on request', async () => {
    const request = await open('/staff/clients?search=zzz', { items: [], total: 0 });
    expect(request.request.params.get('search')).toBe('zzz');

    expect(textOf(page().querySelector('.state'))).toContain('Nothing matches “zzz”.');
    expect(searchBox().value).toBe('zzz');

    click(page(), 'Clear search');
    const all = await listRequest();
    expect(all.request.params.has('search')).toBe(false);
    expect(TestBed.inject(Router).url).toBe('/staff/clients');
    await answer(all, { items: [northwind], total: 1 });
    expect(searchBox().value).toBe('');
  });

  it('says the list could not be loaded, and asks again on Retry', async () => {
    harness = await RouterTestingHarness.create('/staff/clients');
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
    await answer(await listRequest(), apiError(500, 'Internal server error'), 500);

    expect(textOf(page().querySelector('[role="alert"]'))).toContain('The clients could not be loaded.');
    expect(page().querySelector('table')).toBeNull();

    click(page(), 'Retry');
    await answer(await listRequest(), { items: [northwind], total: 1 });

    expect(page().querySelector('[role="alert"]')).toBeNull();
    expect(await (await loader.getHarness(MatTableHarness)).getCellTextByIndex()).toEqual([
      ['Northwind Trading', 'Northwind Trading Ltd', 'anna@northwind.example', '+44 20 7946 0958', '2'],
    ]);
  });

  it('shows a skeleton while the list loads', async () => {
    harness = await RouterTestingHarness.create('/staff/clients');
    await nextMacrotask();

    expect(page().querySelector('[role="status"]')?.textContent).toContain('Loading clients…');
    await answer(await listRequest(), { items: [], total: 0 });
    expect(page().querySelector('[role="status"]')).toBeNull();
  });

  it('opens a new client after creating it, and says so', async () => {
    await open('/staff/clients');
    const rootLoader = TestbedHarnessEnvironment.documentRootLoader(harness.fixture);

    click(page(), 'New client');
    await harness.fixture.whenStable();
    const dialog = document.querySelector('mat-dialog-container') as HTMLElement;
    const inputs = dialog.querySelectorAll<HTMLInputElement>('input');
    type(inputs[0], 'Fabrikam');
    type(inputs[1], 'olivia@fabrikam.example');
    // Name, e-mail, contact person (optional, left empty), initial password.
    type(inputs[3], 'correct horse');
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await nextMacrotask();
    const created: ClientDto = {
      ...contoso,
      id: '4b0f4c1e-4e0c-4c43-9f3a-8d3f1f7f0a04',
      name: 'Fabrikam',
      email: 'olivia@fabrikam.example',
      users: [],
    };
    http.expectOne({ method: 'POST', url: '/api/clients' }).flush(created);
    await nextMacrotask();
    await nextMacrotask();

    expect(TestBed.inject(Router).url).toBe(`/staff/clients/${created.id}`);
    http.expectOne(`/api/clients/${created.id}`).flush(created);
    await nextMacrotask();
    expect(await (await rootLoader.getHarness(MatSnackBarHarness)).getMessage()).toBe('Client created');
  });
});
