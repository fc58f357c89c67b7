import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { type PreferenceDto, type Role, type SessionDto } from '@deskgram/api-client';
import { SESSION_STORAGE_KEY } from '@deskgram/portal/auth';
import { LanguageStore } from '@deskgram/portal/core';
import {
  apiError,
  click,
  nextMacrotask,
  providePortalForTests,
  settle,
  statusText,
  textOf,
} from '@deskgram/portal/testing';
import { NotificationPreferences } from './notification-preferences';

const URL = '/api/notifications/preferences';
const CLIENT_ITEMS: PreferenceDto[] = [
  { kind: 'ticket_created', enabled: true },
  { kind: 'ticket_reply', enabled: true },
  { kind: 'ticket_status', enabled: true },
  { kind: 'invoice_issued', enabled: true },
  { kind: 'invoice_overdue', enabled: false },
  { kind: 'invoice_paid', enabled: true },
  { kind: 'custom_message', enabled: true },
];
const STAFF_ITEMS: PreferenceDto[] = [
  { kind: 'ticket_created', enabled: true },
  { kind: 'ticket_reply', enabled: false },
  { kind: 'ticket_assigned', enabled: true },
];

function signInAs(role: Role): void {
  const session: SessionDto = {
    accessToken: 'access',
    refreshToken: 'refresh',
    user: { id: 'id', email: 'anna@northwind.example', displayName: 'Anna Lee', role, clientId: null },
  };
  localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
}

describe(NotificationPreferences.name, () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<NotificationPreferences>;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), providePortalForTests()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    fixture?.destroy();
    document.querySelectorAll('.cdk-overlay-container').forEach((overlay) => (overlay.innerHTML = ''));
    http.verify();
  });

  function card(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  async function request(method: string): Promise<TestRequest> {
    await nextMacrotask();
    return http.expectOne({ method, url: URL });
  }

  async function answer(pending: TestRequest, body: object, status = 200): Promise<void> {
    pending.flush(body, { status, statusText: statusText(status) });
    await settle(fixture);
  }

  async function open(role: Role, items: PreferenceDto[]): Promise<void> {
    signInAs(role);
    fixture = TestBed.createComponent(NotificationPreferences);
    await fixture.whenStable();
    await answer(await request('GET'), { items });
  }

  /** Each switch as "label | explanation | on/off". */
  function switches(): string[] {
    return Array.from(card().querySelectorAll('.kind')).map((row) => {
      const toggle = row.querySelector('button[role="switch"]');
      return [
        textOf(row.querySelector('.kind-label')),
        textOf(row.querySelector('.kind-hint')),
        toggle?.getAttribute('aria-checked') === 'true' ? 'on' : 'off',
      ].join(' | ');
    });
  }

  async function toggleOf(kind: string): Promise<MatSlideToggleHarness> {
    const loader = TestbedHarnessEnvironment.loader(fixture);
    return loader.getHarness(MatSlideToggleHarness.with({ selector: `[data-kind="${kind}"] mat-slide-toggle` }));
  }

  /** Read from the page itself: a harness would wait for the pending save to be answered first. */
  function isDisabled(kind: string): boolean {
    return card().querySelector<HTMLButtonElement>(`[data-kind="${kind}"] button[role="switch"]`)?.disabled ?? false;
  }

  function flip(name: string): void {
    const row = Array.from(card().querySelectorAll('.kind')).find(
      (item) => textOf(item.querySelector('.kind-label')) === name,
    );
    const button = row?.querySelector<HTMLButtonElement>('button[role="switch"]');
    if (!button) throw new Error(`No switch "${name}"`);
    button.click();
  }

  async function snackBarMessage(): Promise<string> {
    const loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    return (await loader.getHarness(MatSnackBarHarness)).getMessage();
  }

  it('shows a skeleton while the preferences load', async () => {
    signInAs('client');
    fixture = TestBed.createComponent(NotificationPreferences);
    await fixture.whenStable();

    expect(textOf(card().querySelector('[role="status"]'))).toBe('Loading your notification settings…');
    expect(card().querySelectorAll('.skeleton-row')).toHaveLength(3);
    (await request('GET')).flush({ items: CLIENT_ITEMS });
  });

  it('shows a client one switch per kind, with what it means for a client', async () => {
    await open('client', CLIENT_ITEMS);

    expect(textOf(card().querySelector('h2'))).toBe('Notifications');
    expect(switches()).toEqual([
      'Replies | New replies from support on your tickets. | on',
      'Status changes | When one of your tickets changes status, e.g. is resolved. | on',
      'Tickets opened for you | When support opens a ticket on your behalf. | on',
      'New invoices | When an invoice is issued to you. | on',
      'Overdue invoices | A reminder when an invoice is past its due date. | off',
      'Payments received | When an invoice is marked as paid. | on',
      'Messages from staff | What support staff write to you directly. | on',
    ]);
    // The switch is named by its label and described by its explanation.
    expect(await (await toggleOf('ticket_reply')).isChecked()).toBe(true);
    const button = card().querySelector('[data-kind="ticket_reply"] button[role="switch"]');
    expect(textOf(document.getElementById(button?.getAttribute('aria-labelledby') ?? ''))).toBe('Replies');
    expect(textOf(document.getElementById(button?.getAttribute('aria-describedby') ?? ''))).toBe(
      'New replies from support on your tickets.',
    );
  });

  it('shows staff their own kinds, explained for staff', async () => {
    await open('agent', STAFF_ITEMS);

    expect(switches()).toEqual([
      'New tickets | New tickets from clients: to all staff while unassigned, then to the assignee. | on',
      'Client replies | When a client replies: to the ticket’s assignee, or to all staff while unassigned. | off',
      'Assigned to you | When a ticket is assigned to you. | on',
    ]);
  });

  it('saves a switch at once, sending only that one, and says so', async () => {
    await open('client', CLIENT_ITEMS);

    flip('Status changes');
    await fixture.whenStable();
    // The switch moves before the API answers, and waits for the answer before it can move again.
    expect(switches()[1]).toMatch(/\| off$/);
    expect(isDisabled('ticket_status')).toBe(true);

    const save = await request('PUT');
    expect(save.request.body).toEqual({ items: [{ kind: 'ticket_status', enabled: false }] });
    await answer(save, {
      items: CLIENT_ITEMS.map((item) => (item.kind === 'ticket_status' ? { ...item, enabled: false } : item)),
    });

    expect(switches()[1]).toMatch(/\| off$/);
    expect(isDisabled('ticket_status')).toBe(false);
    expect(await snackBarMessage()).toBe('Status changes: off');
  });

  it('turns a switch on by a click on its text too', async () => {
    await open('client', CLIENT_ITEMS);

    card().querySelector<HTMLElement>('[data-kind="invoice_overdue"] .kind-text')?.click();
    const save = await request('PUT');

    expect(save.request.body).toEqual({ items: [{ kind: 'invoice_overdue', enabled: true }] });
    await answer(save, { items: CLIENT_ITEMS.map((item) => ({ ...item, enabled: true })) });
    expect(switches()[4]).toMatch(/\| on$/);
    expect(await snackBarMessage()).toBe('Overdue invoices: on');
  });

  it('puts a switch back and says why when the API refuses', async () => {
    await open('client', CLIENT_ITEMS);

    flip('Messages from staff');
    await answer(await request('PUT'), apiError(500, 'Internal server error'), 500);

    expect(switches()[6]).toMatch(/\| on$/);
    expect(await (await toggleOf('custom_message')).isChecked()).toBe(true);
    expect(await snackBarMessage()).toBe('“Messages from staff” was not saved. Internal server error');
  });

  it('offers Retry when the preferences could not be loaded', async () => {
    signInAs('client');
    fixture = TestBed.createComponent(NotificationPreferences);
    await fixture.whenStable();
    await answer(await request('GET'), apiError(500, 'Internal server error'), 500);

    expect(textOf(card().querySelector('[role="alert"]'))).toContain('Your notification settings could not be loaded.');

    click(card(), 'Retry');
    await fixture.whenStable();
    await answer(await request('GET'), { items: CLIENT_ITEMS });
    expect(switches()).toHaveLength(7);
  });

  it('speaks Russian', async () => {
    TestBed.inject(LanguageStore).setLanguage('ru');
    await open('client', CLIENT_ITEMS);

    expect(textOf(card().querySelector('h2'))).toBe('Уведомления');
    expect(switches()[1]).toBe('Смена статуса | Когда у вашей заявки меняется статус, например она решена. | on');
  });
});
