import { type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog, type MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { type ClientDto } from '@deskgram/api-client';
import { LanguageStore } from '@deskgram/portal/core';
import { apiError, nextMacrotask, providePortalForTests, statusText, textOf } from '@deskgram/portal/testing';
import { ClientDialog, type ClientDialogData } from './client-dialog';

const contoso: ClientDto = {
  id: '4b0f4c1e-4e0c-4c43-9f3a-8d3f1f7f0a03',
  name: 'Contoso Clinic',
  email: 'lee@contoso.example',
  phone: '+1 425 555 0100',
  company: 'Contoso Ltd',
  userCount: 1,
  createdAt: '2026-03-14T09:30:00.000Z',
  users: [],
};

/** Something to attach the harness environment to; the dialog itself lives in the overlay container. */
@Component({ template: '' })
class Placeholder {}

describe(ClientDialog.name, () => {
  let http: HttpTestingController;
  let loader: HarnessLoader;
  let dialogRef: MatDialogRef<ClientDialog, ClientDto>;
  let closedWith: ClientDto | undefined | 'open';

  async function open(data: ClientDialogData): Promise<void> {
    const fixture = TestBed.createComponent(Placeholder);
    loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    dialogRef = TestBed.inject(MatDialog).open<ClientDialog, ClientDialogData, ClientDto>(ClientDialog, { data });
    closedWith = 'open';
    dialogRef.afterClosed().subscribe((client) => (closedWith = client));
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

  async function field(label: string): Promise<MatFormFieldHarness> {
    return loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  }

  async function input(label: string): Promise<MatInputHarness> {
    const control = await (await field(label)).getControl(MatInputHarness);
    if (!control) throw new Error(`No input in the "${label}" field`);
    return control;
  }

  async function fill(values: Record<string, string>): Promise<void> {
    for (const [label, value] of Object.entries(values)) {
      await (await input(label)).setValue(value);
    }
  }

  function dialogElement(): HTMLElement {
    const element = document.querySelector<HTMLElement>('mat-dialog-container');
    if (!element) throw new Error('No dialog is open');
    return element;
  }

  /** A native click: the harness would wait for the app to settle, which it does only once the API answers. */
  async function submit(): Promise<void> {
    dialogElement().querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await nextMacrotask();
  }

  async function settle(): Promise<void> {
    await nextMacrotask();
    await nextMacrotask();
  }

  describe('creating', () => {
    beforeEach(() => open({}));

    it('sends the details and the first password, and closes with the new client', async () => {
      expect(textOf(dialogElement().querySelector('h2'))).toBe('New client');
      await fill({
        Name: '  Fabrikam  ',
        'E-mail': 'olivia@fabrikam.example',
        'Contact person': ' Olivia Park ',
        'Initial password': 'correct horse',
        Company: 'Fabrikam Inc.',
      });

      await submit();
      const request = http.expectOne({ method: 'POST', url: '/api/clients' });

      expect(request.request.body).toEqual({
        name: 'Fabrikam',
        email: 'olivia@fabrikam.example',
        contactName: 'Olivia Park',
        password: 'correct horse',
        phone: null,
        company: 'Fabrikam Inc.',
      });
      const created = { ...contoso, name: 'Fabrikam' };
      request.flush(created, { status: 201, statusText: 'Created' });
      await settle();
      expect(closedWith).toEqual(created);
    });

    it('shows the API’s refusal inside the dialog and keeps everything typed', async () => {
      await fill({ Name: 'Fabrikam', 'E-mail': 'anna@northwind.example', 'Initial password': 'correct horse' });

      await submit();
      http
        .expectOne({ method: 'POST', url: '/api/clients' })
        .flush(apiError(409, 'A user with the e-mail anna@northwind.example already exists'), {
          status: 409,
          statusText: statusText(409),
        });
      await settle();

      expect(closedWith).toBe('open');
      expect(textOf(dialogElement().querySelector('[role="alert"]'))).toBe(
        'A user with the e-mail anna@northwind.example already exists',
      );
      expect(await (await input('Name')).getValue()).toBe('Fabrikam');
      expect(await (await input('E-mail')).getValue()).toBe('anna@northwind.example');
      expect(await (await input('Initial password')).getValue()).toBe('correct horse');

      // The next attempt goes out, and the old message goes away with it.
      await (await input('E-mail')).setValue('olivia@fabrikam.example');
      await submit();
      expect(dialogElement().querySelector('[role="alert"]')).toBeNull();
      http.expectOne({ method: 'POST', url: '/api/clients' }).flush({ ...contoso, name: 'Fabrikam' });
      await settle();
      expect(closedWith).toEqual(expect.objectContaining({ name: 'Fabrikam' }));
    });

    it('explains a taken e-mail in Russian to a person reading Russian', async () => {
      TestBed.inject(LanguageStore).setLanguage('ru');
      await fill({ Название: 'Ромашка', 'Электронная почта': 'ivan@romashka.example', 'Начальный пароль': '12345678' });

      await submit();
      http
        .expectOne({ method: 'POST', url: '/api/clients' })
        .flush(apiError(409, 'A user with the e-mail ivan@romashka.example already exists', 'user.email_taken'), {
          status: 409,
          statusText: statusText(409),
        });
      await settle();

      expect(textOf(dialogElement().querySelector('[role="alert"]'))).toBe(
        'Пользователь с такой почтой уже существует.',
      );
    });

    it('sends nothing while the form is incomplete, and says what is missing', async () => {
      await submit();

      http.expectNone('/api/clients');
      expect(await (await field('Name')).getTextErrors()).toEqual(['Enter the client’s name']);
      expect(await (await field('E-mail')).getTextErrors()).toEqual(['Enter an e-mail address']);
      expect(await (await field('Initial password')).getTextErrors()).toEqual(['Enter a password']);

      await fill({ 'E-mail': 'not-an-address', 'Initial password': 'short', Phone: 'call me' });
      await submit();

      http.expectNone('/api/clients');
      expect(await (await field('E-mail')).getTextErrors()).toEqual([
        'Enter a valid e-mail address, like name@example.com',
      ]);
      expect(await (await field('Initial password')).getTextErrors()).toEqual(['Use at least 8 characters']);
      expect(await (await field('Phone')).getTextErrors()).toEqual(['Use digits, spaces, ( ) - . and a leading +']);
    });

    it('shows the password on request', async () => {
      const password = await input('Initial password');
      expect(await password.getType()).toBe('password');

      dialogElement().querySelector<HTMLButtonElement>('button[aria-label="Show password"]')?.click();

      expect(await password.getType()).toBe('text');
    });
  });

  describe('editing', () => {
    beforeEach(() => open({ client: contoso }));

    it('starts from the current contacts, has no password, and saves the changes', async () => {
      expect(textOf(dialogElement().querySelector('h2'))).toBe('Edit contacts');
      expect(await (await input('Name')).getValue()).toBe('Contoso Clinic');
      expect(await loader.getAllHarnesses(MatFormFieldHarness.with({ floatingLabelText: 'Initial password' }))).toEqual(
        [],
      );

      await fill({ Phone: '', Company: 'Contoso Health' });
      await submit();
      const request = http.expectOne({ method: 'PATCH', url: `/api/clients/${contoso.id}` });

      // An emptied phone is sent as null, which clears it.
      expect(request.request.body).toEqual({
        name: 'Contoso Clinic',
        email: 'lee@contoso.example',
        phone: null,
        company: 'Contoso Health',
      });
      const updated = { ...contoso, phone: null, company: 'Contoso Health' };
      request.flush(updated);
      await settle();
      expect(closedWith).toEqual(updated);
    });
  });
});
