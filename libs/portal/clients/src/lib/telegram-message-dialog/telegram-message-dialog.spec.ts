import { type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog, type MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { type ClientDto, type ClientUserDto } from '@deskgram/api-client';
import { LanguageStore } from '@deskgram/portal/core';
import { apiError, nextMacrotask, providePortalForTests, statusText, textOf } from '@deskgram/portal/testing';
import { pluralKey, TelegramMessageDialog, type TelegramMessageDialogData } from './telegram-message-dialog';

const anna: ClientUserDto = {
  id: '9a1d2c3e-0000-4000-8000-000000000001',
  email: 'anna@northwind.example',
  displayName: 'Anna Lee',
  role: 'client',
  clientId: '4b0f4c1e-4e0c-4c43-9f3a-8d3f1f7f0a01',
  disabled: false,
  lastSignInAt: null,
  telegram: { connected: true, state: 'connected', username: 'anna_h', linkedAt: '2026-11-29T10:00:30.000Z' },
};
const northwind: ClientDto = {
  id: '4b0f4c1e-4e0c-4c43-9f3a-8d3f1f7f0a01',
  name: 'Northwind Trading',
  email: 'anna@northwind.example',
  phone: null,
  company: null,
  userCount: 4,
  createdAt: '2026-03-12T09:30:00.000Z',
  users: [
    anna,
    { ...anna, id: '9a1d2c3e-0000-4000-8000-000000000002', displayName: 'Ben Carter' },
    // Neither a disabled user nor one who blocked the bot gets the message.
    { ...anna, id: '9a1d2c3e-0000-4000-8000-000000000003', displayName: 'Chloe Park', disabled: true },
    {
      ...anna,
      id: '9a1d2c3e-0000-4000-8000-000000000004',
      displayName: 'Dan Moss',
      telegram: { connected: false, state: 'blocked', username: 'dan', linkedAt: null },
    },
  ],
};
const SEND_URL = `/api/telegram/client/${northwind.id}/send-message`;

/** Something to attach the harness environment to; the dialog itself lives in the overlay container. */
@Component({ template: '' })
class Placeholder {}

describe(TelegramMessageDialog.name, () => {
  let http: HttpTestingController;
  let loader: HarnessLoader;
  let dialogRef: MatDialogRef<TelegramMessageDialog, number>;
  let closedWith: number | undefined | 'open';

  async function open(client: ClientDto = northwind): Promise<void> {
    const fixture = TestBed.createComponent(Placeholder);
    loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    dialogRef = TestBed.inject(MatDialog).open<TelegramMessageDialog, TelegramMessageDialogData, number>(
      TelegramMessageDialog,
      { data: { client } },
    );
    closedWith = 'open';
    dialogRef.afterClosed().subscribe((queued) => (closedWith = queued));
    await fixture.whenStable();
  }

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), providePortalForTests()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    http.verify();
  });

  function dialogElement(): HTMLElement {
    const element = document.querySelector<HTMLElement>('mat-dialog-container');
    if (!element) throw new Error('No dialog is open');
    return element;
  }

  async function field(): Promise<MatFormFieldHarness> {
    return loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: /^Message|^Сообщение/ }));
  }

  async function textarea(): Promise<MatInputHarness> {
    const control = await (await field()).getControl(MatInputHarness);
    if (!control) throw new Error('No text field in the dialog');
    return control;
  }

  /** A native click: the harness would wait for the app to settle, which it does only once the API answers. */
  async function send(): Promise<void> {
    dialogElement().querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await nextMacrotask();
  }

  async function settle(): Promise<void> {
    await nextMacrotask();
    await nextMacrotask();
  }

  it('says whom the message goes to: the enabled users with Telegram connected', async () => {
    await open();

    expect(textOf(dialogElement().querySelector('h2'))).toBe('Message on Telegram');
    expect(textOf(dialogElement().querySelector('.recipients'))).toBe('Northwind Trading · Goes to 2 connected users');
  });

  it('sends the text as written, trimmed at the ends, and closes with how many were queued', async () => {
    await open();
    await (await textarea()).setValue('  Our office is closed on Friday.\nWe answer again on Monday.  ');
    expect(await (await field()).getTextHints()).toEqual(['Sent as written, with your name above it.', '62/4000']);

    await send();
    const request = http.expectOne({ method: 'POST', url: SEND_URL });
    expect(request.request.body).toEqual({
      message: 'Our office is closed on Friday.\nWe answer again on Monday.',
    });
    expect(dialogElement().querySelector<HTMLButtonElement>('button[type="submit"]')?.disabled).toBe(true);
    request.flush({ queued: 2 }, { status: 202, statusText: 'Accepted' });
    await settle();

    expect(closedWith).toBe(2);
  });

  it('sends nothing while the message is empty or only white space', async () => {
    await open();

    await send();
    http.expectNone(SEND_URL);
    expect(await (await field()).getTextErrors()).toEqual(['Write a message']);

    await (await textarea()).setValue('   \n  ');
    await send();
    http.expectNone(SEND_URL);
    expect(await (await field()).getTextErrors()).toEqual(['Write a message']);
    expect(closedWith).toBe('open');
  });

  it('takes no more than 4,000 characters', async () => {
    await open();
    const input = dialogElement().querySelector('textarea');

    expect(input?.getAttribute('maxlength')).toBe('4000');
    await (await textarea()).setValue('x'.repeat(4001));
    await send();

    http.expectNone(SEND_URL);
    expect(await (await field()).getTextErrors()).toEqual(['Keep it to 4000 characters']);
  });

  it('shows why the API refused inside the dialog, keeps the text, and lets the person try again', async () => {
    await open();
    await (await textarea()).setValue('Hello');

    await send();
    http
      .expectOne({ method: 'POST', url: SEND_URL })
      .flush(apiError(409, 'None of this client’s users has connected Telegram', 'telegram.client_not_connected'), {
        status: 409,
        statusText: statusText(409),
      });
    await settle();

    expect(closedWith).toBe('open');
    expect(textOf(dialogElement().querySelector('[role="alert"]'))).toBe(
      'None of this client’s users has connected Telegram.',
    );
    expect(await (await textarea()).getValue()).toBe('Hello');

    await send();
    expect(dialogElement().querySelector('[role="alert"]')).toBeNull();
    http
      .expectOne({ method: 'POST', url: SEND_URL })
      .flush(apiError(400, 'message must be shorter than or equal to 4000 characters'), {
        status: 400,
        statusText: statusText(400),
      });
    await settle();
    expect(textOf(dialogElement().querySelector('[role="alert"]'))).toBe(
      'message must be shorter than or equal to 4000 characters',
    );
  });

  it('speaks Russian, with the plural the number needs', async () => {
    TestBed.inject(LanguageStore).setLanguage('ru');
    await open();

    expect(textOf(dialogElement().querySelector('h2'))).toBe('Сообщение в Telegram');
    expect(textOf(dialogElement().querySelector('.recipients'))).toBe(
      'Northwind Trading · Получат 2 пользователя с подключённым Telegram',
    );
    expect(textOf(dialogElement().querySelector('button[type="submit"]'))).toBe('Отправить');
  });
});

describe(pluralKey.name, () => {
  it('picks the English and Russian forms by the number', () => {
    expect([1, 2, 5].map((count) => pluralKey('sent', count, 'en'))).toEqual(['sent.one', 'sent.other', 'sent.other']);
    expect([1, 2, 5, 11, 21, 22].map((count) => pluralKey('sent', count, 'ru'))).toEqual([
      'sent.one',
      'sent.few',
      'sent.many',
      'sent.many',
      'sent.one',
      'sent.few',
    ]);
  });
});
