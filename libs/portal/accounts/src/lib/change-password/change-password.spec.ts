import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { type SessionDto } from '@deskgram/api-client';
import { SESSION_STORAGE_KEY } from '@deskgram/portal/auth';
import { apiError, nextMacrotask, providePortalForTests, textOf } from '@deskgram/portal/testing';
import { ChangePassword } from './change-password';

const session: SessionDto = {
  accessToken: 'access-1',
  refreshToken: 'refresh-1',
  user: { id: 'u1', email: 'anna@northwind.example', displayName: 'Anna Lee', role: 'client', clientId: 'c1' },
};

describe(ChangePassword.name, () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), providePortalForTests()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render() {
    const fixture = TestBed.createComponent(ChangePassword);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const type = async (testId: string, value: string) => {
      const input = element.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const submit = async () => {
      element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      await nextMacrotask();
      await fixture.whenStable();
    };
    const settle = async () => {
      for (let n = 0; n < 3; n++) {
        await nextMacrotask();
        await fixture.whenStable();
      }
    };
    return { fixture, element, type, submit, settle };
  }

  it('asks for the new password twice and sends nothing while they differ', async () => {
    const page = await render();
    await page.type('current-password', 'old-password');
    await page.type('new-password', 'new-password');
    await page.type('repeat-password', 'new-passwort');
    await page.submit();
    http.expectNone('/api/auth/password');
    expect(textOf(page.element.querySelector('mat-error'))).toBe('The two new passwords are not the same');
  });

  it('changes the password, keeps the new pair for this sign-in and says other sessions are signed out', async () => {
    const page = await render();
    await page.type('current-password', 'old-password');
    await page.type('new-password', 'new-password');
    await page.type('repeat-password', 'new-password');
    await page.submit();

    const request = http.expectOne({ method: 'POST', url: '/api/auth/password' });
    expect(request.request.body).toEqual({ currentPassword: 'old-password', newPassword: 'new-password' });
    expect(request.request.headers.get('Authorization')).toBeNull();
    request.flush({ ...session, accessToken: 'access-2', refreshToken: 'refresh-2' });
    await page.settle();

    expect(JSON.parse(localStorage.getItem(SESSION_STORAGE_KEY) ?? '{}')).toMatchObject({
      accessToken: 'access-2',
      refreshToken: 'refresh-2',
    });
    expect(textOf(document.querySelector('mat-snack-bar-container'))).toContain(
      'Password changed; other sessions signed out',
    );
    expect(page.element.querySelector<HTMLInputElement>('[data-testid="new-password"]')?.value).toBe('');
  });

  it('explains a wrong current password at its field', async () => {
    const page = await render();
    await page.type('current-password', 'not-it');
    await page.type('new-password', 'new-password');
    await page.type('repeat-password', 'new-password');
    await page.submit();

    http
      .expectOne('/api/auth/password')
      .flush(apiError(400, 'The current password is not right', 'auth.wrong_password'), {
        status: 400,
        statusText: 'Bad Request',
      });
    await page.settle();

    expect(textOf(page.element.querySelector('[data-testid="wrong-current-password"]'))).toBe(
      'This is not your current password. Check it and try again.',
    );
    expect(JSON.parse(localStorage.getItem(SESSION_STORAGE_KEY) ?? '{}').accessToken).toBe('access-1');
  });

  it('says when there were too many wrong passwords', async () => {
    const page = await render();
    await page.type('current-password', 'not-it');
    await page.type('new-password', 'new-password');
    await page.type('repeat-password', 'new-password');
    await page.submit();

    http.expectOne('/api/auth/password').flush(
      { statusCode: 429, error: 'Too Many Requests', message: 'Too many' },
      {
        status: 429,
        statusText: 'Too Many Requests',
      },
    );
    await page.settle();

    expect(textOf(page.element.querySelector('[role="alert"]'))).toBe(
      'Too many wrong passwords. Wait a minute, then try again.',
    );
  });
});
