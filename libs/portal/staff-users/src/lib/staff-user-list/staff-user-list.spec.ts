import { type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { MatRadioButtonHarness } from '@angular/material/radio/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { type StaffUserDto, type StaffUserListDto } from '@deskgram/api-client';
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
import { STAFF_USERS_ROUTES } from '../staff-users.routes';
import { StaffUserList } from './staff-user-list';

const NOW = Date.now();
const alex: StaffUserDto = {
  id: '0b6c3f0e-1111-4000-8000-000000000001',
  email: 'admin@deskgram.example',
  displayName: 'Alex Morgan',
  role: 'admin',
  clientId: null,
  disabled: false,
  lastSignInAt: new Date(NOW - 2 * 3_600_000).toISOString(),
  createdAt: '2026-01-10T08:00:00.000Z',
};
const sam: StaffUserDto = {
  ...alex,
  id: '0b6c3f0e-1111-4000-8000-000000000002',
  email: 'agent@deskgram.example',
  displayName: 'Sam Rivera',
  role: 'agent',
  lastSignInAt: null,
};
const olga: StaffUserDto = {
  ...sam,
  id: '0b6c3f0e-1111-4000-8000-000000000003',
  email: 'olga@deskgram.example',
  displayName: 'Ольга Смирнова',
  disabled: true,
};

describe(StaffUserList.name, () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let loader: HarnessLoader;
  let rootLoader: HarnessLoader;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'staff/users', children: STAFF_USERS_ROUTES }], withComponentInputBinding()),
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

  async function listRequest(): Promise<TestRequest> {
    return expectRequest(http, (request) => request.method === 'GET' && request.url === '/api/users');
  }

  async function answer(request: TestRequest, body: object, status = 200): Promise<void> {
    request.flush(body, { status, statusText: statusText(status) });
    await nextMacrotask();
    await harness.fixture.whenStable();
  }

  async function open(url = '/staff/users', list: StaffUserListDto = { items: [alex, sam, olga], total: 3 }) {
    harness = await RouterTestingHarness.create(url);
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
    rootLoader = TestbedHarnessEnvironment.documentRootLoader(harness.fixture);
    const request = await listRequest();
    await answer(request, list);
    return request;
  }

  async function rows(): Promise<string[][]> {
    return (await loader.getHarness(MatTableHarness)).getCellTextByIndex();
  }

  /** Opens the row menu of `name` and clicks `item` natively: the API call it starts keeps the page busy. */
  async function choose(name: string, item: string): Promise<void> {
    await (await loader.getHarness(MatMenuHarness.with({ selector: `[aria-label="Actions for ${name}"]` }))).open();
    const menuItem = Array.from(document.querySelectorAll<HTMLElement>('[mat-menu-item]')).find(
      (element) => textOf(element) === item,
    );
    if (!menuItem) throw new Error(`No menu item "${item}" for ${name}`);
    menuItem.click();
    await nextMacrotask();
  }

  function confirmDialog(): HTMLElement | null {
    return document.querySelector('dg-confirm-dialog');
  }

  it('lists the staff with role, state and last sign-in, and the total', async () => {
    const request = await open();

    expect(request.request.params.get('page')).toBe('1');
    expect(textOf(page().querySelector('h1'))).toBe('Staff users');
    expect(await rows()).toEqual([
      ['Alex Morgan', 'admin@deskgram.example', 'Administrator', 'Active', '2 hours ago', ''],
      ['Sam Rivera', 'agent@deskgram.example', 'Agent', 'Active', 'Never', ''],
      ['Ольга Смирнова', 'olga@deskgram.example', 'Agent', 'Disabled', 'Never', ''],
    ]);
    expect(await (await loader.getHarness(MatPaginatorHarness)).getRangeLabel()).toBe('1–3 of 3');
  });

  it('searches once the person stops typing, from the first page', async () => {
    await open('/staff/users?page=2', { items: [alex], total: 30 });

    type(page().querySelector<HTMLInputElement>('input[type="search"]') as HTMLInputElement, 'olga');
    const request = await listRequest();

    expect(request.request.params.get('search')).toBe('olga');
    expect(request.request.params.get('page')).toBe('1');
    expect(TestBed.inject(Router).url).toBe('/staff/users?search=olga');
    await answer(request, { items: [olga], total: 1 });
  });

  it('says when nothing matches the search', async () => {
    await open('/staff/users?search=nobody', { items: [], total: 0 });

    expect(textOf(page().querySelector('.state'))).toContain('Nothing matches “nobody”.');
  });

  it('says the list could not be loaded, and asks again on Retry', async () => {
    harness = await RouterTestingHarness.create('/staff/users');
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
    await answer(await listRequest(), apiError(500, 'Internal server error'), 500);

    expect(textOf(page().querySelector('[role="alert"]'))).toContain('The staff list could not be loaded.');

    click(page(), 'Retry');
    await answer(await listRequest(), { items: [alex], total: 1 });
    expect(await rows()).toHaveLength(1);
  });

  describe('a new staff user', () => {
    async function fillDialog(): Promise<HTMLElement> {
      click(page(), 'New staff user');
      await harness.fixture.whenStable();
      const dialog = document.querySelector('dg-staff-user-dialog') as HTMLElement;
      const [name, email, password] = Array.from(dialog.querySelectorAll<HTMLInputElement>('input:not([type=radio])'));
      type(name, 'Maria Ivanova');
      type(email, 'maria@deskgram.example');
      type(password, 'correct horse');
      await (await rootLoader.getHarness(MatRadioButtonHarness.with({ label: /Administrator/ }))).check();
      return dialog;
    }

    it('is created with the chosen role, and the list is asked again', async () => {
      await open();
      const dialog = await fillDialog();

      dialog.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      await nextMacrotask();
      const request = http.expectOne({ method: 'POST', url: '/api/users' });
      expect(request.request.body).toEqual({
        displayName: 'Maria Ivanova',
        email: 'maria@deskgram.example',
        password: 'correct horse',
        role: 'admin',
      });
      const maria: StaffUserDto = { ...sam, id: 'new', displayName: 'Maria Ivanova', role: 'admin' };
      request.flush(maria, { status: 201, statusText: 'Created' });
      // The answer closes the dialog, and its closing asks for the list again.
      await nextMacrotask();
      const reload = await listRequest();
      await answer(reload, { items: [alex, maria, sam, olga], total: 4 });

      expect(document.querySelector('dg-staff-user-dialog')).toBeNull();
      expect((await rows()).map((row) => row[0])).toContain('Maria Ivanova');
      expect(await (await rootLoader.getHarness(MatSnackBarHarness)).getMessage()).toBe(
        'Maria Ivanova can now sign in',
      );
    });

    it('stays open with the API’s message when the e-mail is taken', async () => {
      await open();
      const dialog = await fillDialog();

      dialog.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      await nextMacrotask();
      http
        .expectOne({ method: 'POST', url: '/api/users' })
        .flush(apiError(409, 'A user with the e-mail maria@deskgram.example already exists'), {
          status: 409,
          statusText: statusText(409),
        });
      await nextMacrotask();
      await harness.fixture.whenStable();

      expect(textOf(dialog.querySelector('[role="alert"]'))).toBe(
        'A user with the e-mail maria@deskgram.example already exists',
      );
      expect(dialog.querySelector<HTMLInputElement>('input')?.value).toBe('Maria Ivanova');
      expect(document.querySelector('dg-staff-user-dialog')).not.toBeNull();
    });
  });

  describe('the row menu', () => {
    it('asks before disabling, and sends nothing when the person cancels', async () => {
      await open();

      await choose('Sam Rivera', 'Disable');
      expect(textOf(confirmDialog()?.querySelector('h2'))).toBe('Disable Sam Rivera?');
      http.expectNone((request) => request.method === 'PATCH');

      click(confirmDialog() as HTMLElement, 'Cancel');
      await nextMacrotask();
      await harness.fixture.whenStable();

      expect(confirmDialog()).toBeNull();
      http.expectNone((request) => request.method === 'PATCH');
      expect((await rows())[1][3]).toBe('Active');
    });

    it('disables the account once confirmed, and shows it disabled', async () => {
      await open();

      await choose('Sam Rivera', 'Disable');
      click(confirmDialog() as HTMLElement, 'Disable');
      await nextMacrotask();
      const request = http.expectOne({ method: 'PATCH', url: `/api/users/${sam.id}` });

      expect(request.request.body).toEqual({ disabled: true });
      await answer(request, { ...sam, disabled: true });
      expect((await rows())[1][3]).toBe('Disabled');
      expect(await (await rootLoader.getHarness(MatSnackBarHarness)).getMessage()).toBe(
        'Sam Rivera can no longer sign in',
      );
    });

    it('enables a disabled account without asking', async () => {
      await open();

      await choose('Ольга Смирнова', 'Enable');
      expect(confirmDialog()).toBeNull();
      const request = http.expectOne({ method: 'PATCH', url: `/api/users/${olga.id}` });

      expect(request.request.body).toEqual({ disabled: false });
      await answer(request, { ...olga, disabled: false });
      expect((await rows())[2][3]).toBe('Active');
    });

    it('changes the role', async () => {
      await open();

      await choose('Sam Rivera', 'Make administrator');
      const request = http.expectOne({ method: 'PATCH', url: `/api/users/${sam.id}` });

      expect(request.request.body).toEqual({ role: 'admin' });
      await answer(request, { ...sam, role: 'admin' });
      expect((await rows())[1][2]).toBe('Administrator');
      expect(await (await rootLoader.getHarness(MatSnackBarHarness)).getMessage()).toBe(
        'Sam Rivera is now an administrator',
      );
    });

    it('tells an administrator in a snack bar why they cannot disable themselves', async () => {
      await open();

      await choose('Alex Morgan', 'Disable');
      click(confirmDialog() as HTMLElement, 'Disable');
      await nextMacrotask();
      await answer(
        http.expectOne({ method: 'PATCH', url: `/api/users/${alex.id}` }),
        apiError(409, 'You cannot disable your own account or change your own role'),
        409,
      );

      const snackBar = await rootLoader.getHarness(MatSnackBarHarness);
      expect(await snackBar.getMessage()).toBe('You cannot disable your own account or change your own role');
      expect(await snackBar.getActionDescription()).toBe('OK');
      expect((await rows())[0][3]).toBe('Active');
    });
  });
});
