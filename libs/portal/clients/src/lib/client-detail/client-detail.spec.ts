import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { type ClientDto, type ClientUserDto } from '@deskgram/api-client';
import { LanguageStore } from '@deskgram/portal/core';
import {
  apiError,
  click,
  nextMacrotask,
  providePortalForTests,
  statusText,
  textOf,
  type,
} from '@deskgram/portal/testing';
import { CLIENTS_ROUTES } from '../clients.routes';
import { ClientDetail } from './client-detail';

const NOW = Date.now();
const anna: ClientUserDto = {
  id: '9a1d2c3e-0000-4000-8000-000000000001',
  email: 'anna@northwind.example',
  displayName: 'Anna Lee',
  role: 'client',
  clientId: '4b0f4c1e-4e0c-4c43-9f3a-8d3f1f7f0a01',
  disabled: false,
  lastSignInAt: new Date(NOW - 5 * 60_000).toISOString(),
  telegram: { connected: true, state: 'connected', username: 'anna_h', linkedAt: '2026-11-29T10:00:30.000Z' },
};
const ben: ClientUserDto = {
  ...anna,
  id: '9a1d2c3e-0000-4000-8000-000000000002',
  email: 'ben@northwind.example',
  displayName: 'Ben Carter',
  disabled: true,
  lastSignInAt: null,
  telegram: { connected: false, state: 'not_connected', username: null, linkedAt: null },
};
const northwind: ClientDto = {
  id: '4b0f4c1e-4e0c-4c43-9f3a-8d3f1f7f0a01',
  name: 'Northwind Trading',
  email: 'anna@northwind.example',
  phone: '+44 20 7946 0958',
  company: 'Northwind Trading Ltd',
  userCount: 2,
  createdAt: '2026-03-12T09:30:00.000Z',
  users: [anna, ben],
};

describe(ClientDetail.name, () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(() => {
    localStorage.clear();
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

  async function clientRequest(id = northwind.id): Promise<TestRequest> {
    await nextMacrotask();
    return http.expectOne({ method: 'GET', url: `/api/clients/${id}` });
  }

  async function answer(request: TestRequest, body: object, status = 200): Promise<void> {
    request.flush(body, { status, statusText: statusText(status) });
    await nextMacrotask();
    await harness.fixture.whenStable();
  }

  async function open(client: ClientDto = northwind): Promise<void> {
    harness = await RouterTestingHarness.create(`/staff/clients/${client.id}`);
    await answer(await clientRequest(client.id), client);
  }

  /** Each portal user as the page shows them: name, e-mail, last sign-in, Telegram and chips, joined by " | ". */
  function users(): string[] {
    return Array.from(page().querySelectorAll('.user')).map((user) =>
      Array.from(user.querySelectorAll('.user-name, .user-email, .user-seen, .user-telegram, mat-chip'))
        .map(textOf)
        .join(' | '),
    );
  }

  /** The contacts card as label → value. */
  function facts(): Record<string, string> {
    return Object.fromEntries(
      Array.from(page().querySelectorAll('.facts dt')).map((term) => [textOf(term), textOf(term.nextElementSibling)]),
    );
  }

  it('shows the client’s name, contacts and the date it was added', async () => {
    await open();

    expect(textOf(page().querySelector('h1'))).toBe('Northwind Trading');
    expect(facts()).toEqual({
      'E-mail': 'anna@northwind.example',
      Phone: '+44 20 7946 0958',
      Company: 'Northwind Trading Ltd',
      'Client since': 'March 12, 2026',
    });
    expect(page().querySelector('a[href="tel:+44 20 7946 0958"]')).not.toBeNull();
  });

  it('lists the portal users with their last sign-in and Telegram, and marks a disabled one', async () => {
    await open();

    expect(users()).toEqual([
      'Anna Lee | anna@northwind.example | Last sign-in 5 minutes ago | Telegram: @anna_h, since 29 Nov 2026',
      'Ben Carter | ben@northwind.example | Never signed in | Telegram: not connected | Disabled',
    ]);
  });

  it('says which users blocked the bot, and names a Telegram account without a username', async () => {
    await open({
      ...northwind,
      users: [
        { ...anna, telegram: { ...anna.telegram, username: null } },
        { ...ben, telegram: { connected: false, state: 'blocked', username: 'ben_c', linkedAt: null } },
      ],
    });

    expect(Array.from(page().querySelectorAll('.user-telegram')).map(textOf)).toEqual([
      'Telegram: connected, since 29 Nov 2026',
      'Telegram: blocked the bot',
    ]);
    expect(page().querySelector('.user-telegram.blocked mat-icon')?.getAttribute('data-mat-icon-name')).toBe('block');
  });

  it('says what is missing instead of leaving blanks', async () => {
    await open({ ...northwind, phone: null, company: null, users: [], userCount: 0 });

    expect(facts()).toEqual(expect.objectContaining({ Phone: 'Not given', Company: 'Not given' }));
    expect(textOf(page().querySelector('mat-card:last-of-type'))).toContain('No portal users yet.');
  });

  it('speaks Russian, dates included', async () => {
    TestBed.inject(LanguageStore).setLanguage('ru');
    await open();

    expect(facts()).toEqual(expect.objectContaining({ 'Клиент с': '12 марта 2026 г.' }));
    expect(users()).toEqual([
      'Anna Lee | anna@northwind.example | Последний вход: 5 минут назад | Telegram: @anna_h, с 29 нояб. 2026',
      'Ben Carter | ben@northwind.example | Входов ещё не было | Telegram: не подключён | Отключён',
    ]);
  });

  it('says the client is not there, with a way back, when the API answers 404', async () => {
    harness = await RouterTestingHarness.create('/staff/clients/4b0f4c1e-4e0c-4c43-9f3a-000000000000');
    await answer(
      await clientRequest('4b0f4c1e-4e0c-4c43-9f3a-000000000000'),
      apiError(404, 'No client with id 4b0f4c1e-4e0c-4c43-9f3a-000000000000', 'client.not_found'),
      404,
    );

    expect(textOf(page().querySelector('h1'))).toBe('Client not found');
    const links = Array.from(page().querySelectorAll('a')).filter((a) => textOf(a) === 'Back to clients');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['/staff/clients', '/staff/clients']);
    expect(page().querySelector('[role="alert"]')).toBeNull();
  });

  it('offers Retry when the client could not be loaded, and asks again', async () => {
    harness = await RouterTestingHarness.create(`/staff/clients/${northwind.id}`);
    await answer(await clientRequest(), apiError(500, 'Internal server error'), 500);

    expect(textOf(page().querySelector('[role="alert"]'))).toContain('The client could not be loaded.');

    click(page(), 'Retry');
    await answer(await clientRequest(), northwind);
    expect(textOf(page().querySelector('h1'))).toBe('Northwind Trading');
  });

  it('adds a portal user through the dialog and shows them at once', async () => {
    await open();
    const rootLoader = TestbedHarnessEnvironment.documentRootLoader(harness.fixture);

    click(page(), 'Add user');
    await harness.fixture.whenStable();
    const dialog = document.querySelector('mat-dialog-container') as HTMLElement;
    expect(textOf(dialog)).toContain('on behalf of Northwind Trading');
    const [name, email, password] = Array.from(dialog.querySelectorAll('input'));
    type(name, 'Chloe Park');
    type(email, 'chloe@northwind.example');
    type(password, 'correct horse');
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await nextMacrotask();

    const request = http.expectOne({ method: 'POST', url: `/api/clients/${northwind.id}/users` });
    expect(request.request.body).toEqual({
      displayName: 'Chloe Park',
      email: 'chloe@northwind.example',
      password: 'correct horse',
    });
    const chloe = {
      ...anna,
      id: '9a1d2c3e-0000-4000-8000-000000000003',
      displayName: 'Chloe Park',
      lastSignInAt: null,
    };
    await answer(request, {
      ...northwind,
      users: [...northwind.users, { ...chloe, email: 'chloe@northwind.example' }],
    });

    expect(users()[2]).toBe(
      'Chloe Park | chloe@northwind.example | Never signed in | Telegram: @anna_h, since 29 Nov 2026',
    );
    expect(await (await rootLoader.getHarness(MatSnackBarHarness)).getMessage()).toBe('User added');
    expect(document.querySelector('mat-dialog-container')).toBeNull();
  });

  it('saves edited contacts and shows them without asking the API again', async () => {
    await open();

    click(page(), 'Edit');
    await harness.fixture.whenStable();
    const dialog = document.querySelector('mat-dialog-container') as HTMLElement;
    type(dialog.querySelectorAll('input')[2], '+44 20 7946 0000');
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await nextMacrotask();

    const request = http.expectOne({ method: 'PATCH', url: `/api/clients/${northwind.id}` });
    expect(request.request.body).toEqual(expect.objectContaining({ phone: '+44 20 7946 0000' }));
    await answer(request, { ...northwind, phone: '+44 20 7946 0000' });

    expect(facts()).toEqual(expect.objectContaining({ Phone: '+44 20 7946 0000' }));
  });

  describe('Message on Telegram', () => {
    function messageButton(label = 'Message on Telegram'): HTMLButtonElement {
      const button = Array.from(page().querySelectorAll('button')).find((element) => textOf(element) === label);
      if (!button) throw new Error(`No "${label}" button`);
      return button;
    }

    it('sends a message to the connected users and says to how many it went', async () => {
      await open();
      const rootLoader = TestbedHarnessEnvironment.documentRootLoader(harness.fixture);

      messageButton().click();
      await harness.fixture.whenStable();
      const dialog = document.querySelector('mat-dialog-container') as HTMLElement;
      expect(textOf(dialog.querySelector('.recipients'))).toBe('Northwind Trading · Goes to 1 connected user');
      type(dialog.querySelector('textarea') as unknown as HTMLInputElement, 'The invoice for November is ready.');
      dialog.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      await nextMacrotask();

      const request = http.expectOne({ method: 'POST', url: `/api/telegram/client/${northwind.id}/send-message` });
      expect(request.request.body).toEqual({ message: 'The invoice for November is ready.' });
      request.flush({ queued: 2 }, { status: 202, statusText: 'Accepted' });
      await nextMacrotask();
      await harness.fixture.whenStable();

      expect(await (await rootLoader.getHarness(MatSnackBarHarness)).getMessage()).toBe('Sent to 2 people');
      expect(document.querySelector('mat-dialog-container')).toBeNull();
    });

    it('says in Russian to how many people it went, with the right plural', async () => {
      TestBed.inject(LanguageStore).setLanguage('ru');
      await open();
      const rootLoader = TestbedHarnessEnvironment.documentRootLoader(harness.fixture);

      messageButton('Написать в Telegram').click();
      await harness.fixture.whenStable();
      const dialog = document.querySelector('mat-dialog-container') as HTMLElement;
      type(dialog.querySelector('textarea') as unknown as HTMLInputElement, 'Счёт за ноябрь готов.');
      dialog.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      await nextMacrotask();
      http
        .expectOne({ method: 'POST', url: `/api/telegram/client/${northwind.id}/send-message` })
        .flush({ queued: 1 }, { status: 202, statusText: 'Accepted' });
      await nextMacrotask();
      await harness.fixture.whenStable();

      expect(await (await rootLoader.getHarness(MatSnackBarHarness)).getMessage()).toBe('Отправлено 1 человеку');
    });

    it('cannot be used, and says why, while no user has connected Telegram', async () => {
      await open({ ...northwind, users: [ben, { ...anna, disabled: true }] });

      const button = messageButton();
      expect(button.getAttribute('aria-disabled')).toBe('true');
      const describedBy = button.getAttribute('aria-describedby') ?? '';
      expect(textOf(document.getElementById(describedBy.split(' ').find(Boolean) ?? ''))).toBe(
        'None of this client’s users has connected Telegram yet',
      );

      button.click();
      await harness.fixture.whenStable();
      expect(document.querySelector('mat-dialog-container')).toBeNull();
    });
  });
});
