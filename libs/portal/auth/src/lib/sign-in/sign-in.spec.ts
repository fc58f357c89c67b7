import { type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { providePortalIcons } from '@deskgram/portal/core';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import { SignIn } from './sign-in';

const translations = {
  en: {
    common: { dismiss: 'OK' },
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
      noAccount: 'No account yet?',
      unavailable: 'Sign-in is not available yet in this build.',
      serviceDown: 'The service is not answering right now.',
      retry: 'Retry',
    },
  },
  ru: {
    common: { dismiss: 'ОК' },
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
      noAccount: 'Нет учётной записи?',
      unavailable: 'В этой сборке вход пока недоступен.',
      serviceDown: 'Сервис сейчас не отвечает.',
      retry: 'Повторить',
    },
  },
};

describe(SignIn.name, () => {
  let fixture: ComponentFixture<SignIn>;
  let loader: HarnessLoader;
  let rootLoader: HarnessLoader;
  let http: HttpTestingController;

  const healthy = { status: 'ok', info: { database: { status: 'up' } }, details: {} };

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [
        SignIn,
        TranslocoTestingModule.forRoot({
          langs: translations,
          translocoConfig: { availableLangs: ['en', 'ru'], defaultLang: 'en', reRenderOnLangChange: true },
          preloadLangs: true,
        }),
      ],
      providers: [providePortalIcons(), provideHttpClient(), provideHttpClientTesting()],
    });
    fixture = TestBed.createComponent(SignIn);
    loader = TestbedHarnessEnvironment.loader(fixture);
    rootLoader = TestbedHarnessEnvironment.documentRootLoader(fixture);
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
      expect(await rootLoader.getAllHarnesses(MatSnackBarHarness)).toHaveLength(0);
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

    it('says that sign-in is not available yet when the form is valid', async () => {
      await (await input('E-mail')).setValue('anna@example.com');
      await (await input('Password')).setValue('correct horse battery staple');

      await submit();

      const snackBar = await rootLoader.getHarness(MatSnackBarHarness);
      expect(await snackBar.getMessage()).toBe('Sign-in is not available yet in this build.');
      expect(await snackBar.getActionDescription()).toBe('OK');
      expect(await (await field('E-mail')).getTextErrors()).toEqual([]);
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

    it('speaks Russian, including the validation messages and the snack bar', async () => {
      TestBed.inject(TranslocoService).setActiveLang('ru');
      await fixture.whenStable();

      await (await loader.getHarness(MatButtonHarness.with({ text: 'Войти' }))).click();
      expect(await (await field('Электронная почта')).getTextErrors()).toEqual(['Введите адрес электронной почты']);

      await (await input('Электронная почта')).setValue('anna@example.com');
      await (await input('Пароль')).setValue('secret');
      await (await loader.getHarness(MatButtonHarness.with({ text: 'Войти' }))).click();

      const snackBar = await rootLoader.getHarness(MatSnackBarHarness);
      expect(await snackBar.getMessage()).toBe('В этой сборке вход пока недоступен.');
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
