import { type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { provideRouter, Router } from '@angular/router';
import { type Role, type SessionDto } from '@deskgram/api-client';
import { providePortalIcons } from '@deskgram/portal/core';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import { AuthStore } from '../session/auth-store';
import { SignIn } from './sign-in';

const translations = {
  en: {
    signIn: {
      title: 'Sign in',
      subtitle: 'Helpdesk',
      email: 'E-mail',
      emailRequired: 'Enter your e-mail address',
      emailInvalid: 'Enter a valid e-mail address',
      password: 'Password',
      passwordRequired: 'Enter your password',
      showPassword: 'Show password',
      hidePassword: 'Hide password',
      submit: 'Sign in',
      signingIn: 'Signing in…',
      noAccount: 'No account yet?',
      serviceDown: 'The service is not answering right now.',
      retry: 'Retry',
      errors: {
        wrongCredentials: 'Wrong e-mail or password.',
        disabled: 'This account is disabled.',
        tooManyAttempts: 'Too many failed attempts. Try again in {{ time }}.',
        unreachable: 'Could not reach the service.',
        serverError: 'Something went wrong on our side.',
      },
      reasons: {
        expired: 'Your session has expired.',
        disabled: 'This account is disabled.',
        ended: 'You have been signed out.',
        passwordSet: 'Your new password is set.',
      },
    },
  },
  ru: {
    signIn: {
      title: 'Вход',
      subtitle: 'Служба поддержки',
      email: 'Электронная почта',
      emailRequired: 'Введите адрес электронной почты',
      emailInvalid: 'Введите корректный адрес',
      password: 'Пароль',
      passwordRequired: 'Введите пароль',
      showPassword: 'Показать пароль',
      hidePassword: 'Скрыть пароль',
      submit: 'Войти',
      signingIn: 'Входим…',
      noAccount: 'Нет учётной записи?',
      serviceDown: 'Сервис сейчас не отвечает.',
      retry: 'Повторить',
      errors: {
        wrongCredentials: 'Неверный адрес электронной почты или пароль.',
        disabled: 'Эта учётная запись отключена.',
        tooManyAttempts: 'Слишком много попыток. Попробуйте через {{ time }}.',
        unreachable: 'Не удалось связаться с сервисом.',
        serverError: 'Что-то пошло не так.',
      },
    },
  },
};

describe(SignIn.name, () => {
  let fixture: ComponentFixture<SignIn>;
  let loader: HarnessLoader;
  let http: HttpTestingController;

  const healthy = { status: 'ok', info: { database: { status: 'up' } }, details: {} };

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [
        SignIn,
        TranslocoTestingModule.forRoot({
          langs: translations,
          translocoConfig: { availableLangs: ['en', 'ru'], defaultLang: 'en', reRenderOnLangChange: true },
          preloadLangs: true,
        }),
      ],
      providers: [
        providePortalIcons(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: '**', children: [] }]),
      ],
    });
    fixture = TestBed.createComponent(SignIn);
    loader = TestbedHarnessEnvironment.loader(fixture);
    http = TestBed.inject(HttpTestingController);
  });

  /** Answers the page's health check; the client is Promise-based, so wait a macrotask before settling. */
  async function answerHealth(status: number): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    const request = http.expectOne('/api/health');
    if (status === 200) request.flush(healthy);
    else request.flush({ status: 'error' }, { status, statusText: 'Service Unavailable' });
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  function alertText(): string | undefined {
    return (fixture.nativeElement as HTMLElement).querySelector('[role="alert"]')?.textContent?.trim();
  }

  describe('when the service answers', () => {
    beforeEach(() => answerHealth(200));

    function field(label: string): Promise<MatFormFieldHarness> {
      return loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
    }

    async function input(label: string): Promise<MatInputHarness> {
      const control = await (await field(label)).getControl(MatInputHarness);
      if (!control) {
        throw new Error(`No input in the "${label}" field`);
      }
      return control;
    }

    async function submit(): Promise<void> {
      await (await loader.getHarness(MatButtonHarness.with({ text: 'Sign in' }))).click();
    }

    it('shows the page title and both fields', async () => {
      expect((fixture.nativeElement as HTMLElement).querySelector('h1')?.textContent).toBe('Sign in');
      expect(await (await input('E-mail')).getType()).toBe('email');
      expect(await (await input('Password')).getType()).toBe('password');
    });

    it('asks for the e-mail and the password when the empty form is submitted', async () => {
      await submit();

      expect(await (await field('E-mail')).getTextErrors()).toEqual(['Enter your e-mail address']);
      expect(await (await field('Password')).getTextErrors()).toEqual(['Enter your password']);
      http.expectNone('/api/auth/login');
    });

    it('explains that a malformed e-mail address is not valid once the field is left', async () => {
      const email = await input('E-mail');
      await email.setValue('someone-at-example.com');
      await email.blur();

      expect(await (await field('E-mail')).getTextErrors()).toEqual(['Enter a valid e-mail address']);
    });

    it('does not complain about a field the person has not reached yet', async () => {
      expect(await (await field('E-mail')).getTextErrors()).toEqual([]);
      expect(await (await field('Password')).getTextErrors()).toEqual([]);
    });

    it('reveals the password on request and hides it again', async () => {
      const password = await input('Password');
      const toggle = await loader.getHarness(MatButtonHarness.with({ selector: '[matSuffix]' }));

      await toggle.click();
      expect(await password.getType()).toBe('text');
      expect(await (await toggle.host()).getAttribute('aria-label')).toBe('Hide password');

      await toggle.click();
      expect(await password.getType()).toBe('password');
    });

    it('speaks Russian, including the validation messages', async () => {
      TestBed.inject(TranslocoService).setActiveLang('ru');
      await fixture.whenStable();

      await (await loader.getHarness(MatButtonHarness.with({ text: 'Войти' }))).click();

      expect(await (await field('Электронная почта')).getTextErrors()).toEqual(['Введите адрес электронной почты']);
      expect(await (await field('Пароль')).getTextErrors()).toEqual(['Введите пароль']);
    });
  });

  describe('signing in', () => {
    beforeEach(() => answerHealth(200));

    function session(role: Role): SessionDto {
      return {
        accessToken: 'access',
        refreshToken: 'refresh',
        user: { id: 'id', email: 'anna@example.com', displayName: 'Anna', role, clientId: null },
      };
    }

    function element(): HTMLElement {
      return fixture.nativeElement as HTMLElement;
    }

    function submitButton(): HTMLButtonElement {
      const button = element().querySelector<HTMLButtonElement>('button[type="submit"]');
      if (!button) {
        throw new Error('No submit button');
      }
      return button;
    }

    /**
     * Fills in the form and submits it with a native click: a harness would wait for the page to settle, which
     * it does only once the API has answered.
     */
    async function signInWith(email: string, password: string): Promise<void> {
      const inputs = element().querySelectorAll('input');
      for (const [input, value] of [
        [inputs[0], email],
        [inputs[1], password],
      ] as const) {
        input.value = value;
        input.dispatchEvent(new Event('input'));
      }
      submitButton().click();
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
    }

    /** Answers the login request and waits for the page to act on the answer. */
    async function answerLogin(
      body: object,
      options?: { status: number; statusText: string; headers?: Record<string, string> },
    ): Promise<void> {
      http.expectOne('/api/auth/login').flush(body, options);
      for (let tick = 0; tick < 3; tick++) {
        await new Promise((resolve) => setTimeout(resolve));
      }
      await fixture.whenStable();
    }

    it('disables the form and shows progress on the button while waiting', async () => {
      await signInWith('anna@example.com', 'secret');

      expect(submitButton().textContent?.trim()).toBe('Signing in…');
      expect(submitButton().disabled).toBe(true);
      expect(submitButton().querySelector('mat-progress-spinner')).not.toBeNull();
      expect(Array.from(element().querySelectorAll('input')).every((input) => input.disabled)).toBe(true);

      await answerLogin(session('client'));
    });

    it('sends the e-mail address without stray spaces, and the password as typed', async () => {
      await signInWith('  anna@example.com ', ' secret ');

      const request = http.expectOne('/api/auth/login');
      expect(request.request.body).toEqual({ email: 'anna@example.com', password: ' secret ' });
      request.flush(session('client'));
    });

    it('opens the client area for a client and the staff area for staff', async () => {
      const router = TestBed.inject(Router);

      await signInWith('anna@example.com', 'secret');
      await answerLogin(session('client'));
      expect(router.url).toBe('/client');
      expect(TestBed.inject(AuthStore).user()?.displayName).toBe('Anna');

      await signInWith('alex@example.com', 'secret');
      await answerLogin(session('admin'));
      expect(router.url).toBe('/staff');
    });

    it('says why the person is here again, and forgets it once they try', async () => {
      fixture.componentRef.setInput('reason', 'disabled');
      await fixture.whenStable();
      const notice = () => element().querySelector('[data-testid="sign-in-notice"]')?.textContent?.trim();
      expect(notice()).toBe('This account is disabled.');

      await signInWith('anna@example.com', 'wrong');
      await answerLogin(
        { statusCode: 401, error: 'Unauthorized', message: 'Wrong e-mail or password' },
        { status: 401, statusText: 'Unauthorized' },
      );
      expect(notice()).toBeUndefined();
      expect(alertText()).toBe('Wrong e-mail or password.');
    });

    it('ignores a reason it does not know', async () => {
      fixture.componentRef.setInput('reason', '<b>hacked</b>');
      await fixture.whenStable();
      expect(element().querySelector('[data-testid="sign-in-notice"]')).toBeNull();
    });

    it('goes back to the page that asked for the sign-in', async () => {
      fixture.componentRef.setInput('returnUrl', '/staff/clients/42');

      await signInWith('alex@example.com', 'secret');
      await answerLogin(session('agent'));

      expect(TestBed.inject(Router).url).toBe('/staff/clients/42');
    });

    it('says the e-mail or the password is wrong, and lets the person try again', async () => {
      await signInWith('anna@example.com', 'wrong');
      await answerLogin(
        {
          statusCode: 401,
          error: 'Unauthorized',
          message: 'Wrong e-mail or password',
          code: 'auth.wrong_credentials',
        },
        { status: 401, statusText: 'Unauthorized' },
      );

      expect(alertText()).toBe('Wrong e-mail or password.');
      expect(submitButton().disabled).toBe(false);
      expect(submitButton().textContent?.trim()).toBe('Sign in');
      expect(element().querySelector('input')?.disabled).toBe(false);
      expect(TestBed.inject(Router).url).toBe('/');
    });

    it('says so in Russian', async () => {
      TestBed.inject(TranslocoService).setActiveLang('ru');
      await signInWith('anna@example.com', 'wrong');
      await answerLogin(
        { statusCode: 401, error: 'Unauthorized', message: 'Wrong e-mail or password' },
        { status: 401, statusText: 'Unauthorized' },
      );

      expect(alertText()).toBe('Неверный адрес электронной почты или пароль.');
    });

    it('explains that the account is disabled', async () => {
      await signInWith('anna@example.com', 'secret');
      await answerLogin(
        {
          statusCode: 401,
          error: 'Unauthorized',
          message: 'This account is disabled. Ask your support team to enable it.',
          code: 'auth.disabled',
        },
        { status: 401, statusText: 'Unauthorized' },
      );

      expect(alertText()).toBe('This account is disabled.');
    });

    it('counts down the wait after too many failed attempts, with the button off meanwhile', async () => {
      await signInWith('anna@example.com', 'wrong');
      await answerLogin(
        {
          statusCode: 429,
          error: 'Too Many Requests',
          message: 'Too many failed sign-in attempts. Wait a minute, then try again.',
          code: 'auth.too_many_failures',
        },
        { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '45' } },
      );

      expect(alertText()).toBe('Too many failed attempts. Try again in 0:45.');
      expect(submitButton().disabled).toBe(true);
    });

    it("shows the API's own words for a refusal it has no text for", async () => {
      await signInWith('anna@example.com', 'secret');
      await answerLogin(
        { statusCode: 401, error: 'Unauthorized', message: 'Sign-in is closed for maintenance.' },
        { status: 401, statusText: 'Unauthorized' },
      );

      expect(alertText()).toBe('Sign-in is closed for maintenance.');
    });

    it('tells apart a service that cannot be reached', async () => {
      await signInWith('anna@example.com', 'secret');
      http.expectOne('/api/auth/login').error(new ProgressEvent('error'), { status: 0 });
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();

      expect(alertText()).toBe('Could not reach the service.');
    });
  });

  describe('when the service does not answer', () => {
    it('says so above the form, and hides the notice once a retry succeeds', async () => {
      await answerHealth(503);
      expect(alertText()).toContain('The service is not answering right now.');

      // A native click: the harness would wait for the app to settle, which it does only once the retry is answered.
      const retry = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('button')).find(
        (button) => button.textContent?.trim() === 'Retry',
      );
      retry?.click();
      await answerHealth(200);
      expect(alertText()).toBeUndefined();
    });
  });
});
