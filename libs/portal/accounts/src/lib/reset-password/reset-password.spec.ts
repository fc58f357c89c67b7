import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { apiError, nextMacrotask, providePortalForTests, textOf } from '@deskgram/portal/testing';
import { ResetPassword } from './reset-password';

describe(ResetPassword.name, () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'reset-password', component: ResetPassword },
          { path: 'sign-in', children: [] },
        ]),
        providePortalForTests(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function open(url: string) {
    const harness = await RouterTestingHarness.create(url);
    const element = harness.routeNativeElement as HTMLElement;
    const type = async (testId: string, value: string) => {
      const input = element.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await harness.fixture.whenStable();
    };
    const settle = async () => {
      for (let n = 0; n < 3; n++) {
        await nextMacrotask();
        await harness.fixture.whenStable();
      }
    };
    const submit = async () => {
      element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      await settle();
    };
    return { harness, element, type, submit, settle };
  }

  it('sets the password with the token of the link, then leads to sign-in', async () => {
    const page = await open('/reset-password#token=the-token');
    await page.settle();
    // The token leaves the address bar at once.
    expect(TestBed.inject(Router).url).toBe('/reset-password');

    await page.type('reset-new-password', 'chosen-password');
    await page.type('reset-repeat-password', 'chosen-password');
    await page.submit();

    const request = http.expectOne({ method: 'POST', url: '/api/auth/reset-password' });
    expect(request.request.body).toEqual({ token: 'the-token', password: 'chosen-password' });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await page.settle();

    expect(TestBed.inject(Router).url).toBe('/sign-in?reason=passwordSet');
  });

  it('explains a link that was used already and offers no second try', async () => {
    const page = await open('/reset-password#token=used-token');
    await page.type('reset-new-password', 'chosen-password');
    await page.type('reset-repeat-password', 'chosen-password');
    await page.submit();

    http
      .expectOne('/api/auth/reset-password')
      .flush(apiError(400, 'This password reset link was already used.', 'auth.reset_used'), {
        status: 400,
        statusText: 'Bad Request',
      });
    await page.settle();

    expect(textOf(page.element.querySelector('[data-testid="reset-password-error"]'))).toBe(
      'This link was already used. Ask your support team for a new one if you need it.',
    );
    expect(page.element.querySelector<HTMLButtonElement>('button[type="submit"]')?.disabled).toBe(true);
  });

  it('says so when the link has no token', async () => {
    const page = await open('/reset-password');
    expect(textOf(page.element.querySelector('[data-testid="reset-password-error"]'))).toMatch(
      /^This link is incomplete/,
    );
    expect(page.element.querySelector('form')).toBeNull();
  });
});
