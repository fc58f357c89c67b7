import { HttpErrorResponse, HttpStatusCode } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, resource, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatError, MatFormField, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { Router } from '@angular/router';
import { DeskgramApi, getHealth, type HttpErrorDto } from '@deskgram/api-client';
import { PRODUCT_NAME } from '@deskgram/portal/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { areaOf, safeReturnUrl } from '../session/areas';
import { AuthStore } from '../session/auth-store';

/** Why signing in did not work, as the page explains it. */
type SignInFailure =
  | { kind: 'wrongCredentials' | 'disabled' | 'unreachable' | 'serverError' }
  | { kind: 'tooManyAttempts'; until: number }
  | { kind: 'message'; message: string };

/** The API's words for a wrong e-mail or password, for an answer without a code. */
const WRONG_CREDENTIALS = 'Wrong e-mail or password';

/** What the API says when it gives no Retry-After: its window for failed attempts is one minute. */
const DEFAULT_RETRY_AFTER_SECONDS = 60;

function apiError(error: HttpErrorResponse): Partial<HttpErrorDto> {
  return typeof error.error === 'object' && error.error !== null ? (error.error as Partial<HttpErrorDto>) : {};
}

function failureOf(error: unknown, now: number): SignInFailure {
  if (!(error instanceof HttpErrorResponse)) {
    return { kind: 'serverError' };
  }
  const { code, message } = apiError(error);
  switch (error.status) {
    case 0:
      return { kind: 'unreachable' };
    case HttpStatusCode.TooManyRequests: {
      const seconds = Number(error.headers.get('Retry-After'));
      const wait = Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_RETRY_AFTER_SECONDS;
      return { kind: 'tooManyAttempts', until: now + wait * 1000 };
    }
    case HttpStatusCode.Unauthorized:
      if (code === 'auth.disabled') {
        return { kind: 'disabled' };
      }
      // Our own texts for the cases we know; the API's words for anything new it may say.
      return code === 'auth.wrong_credentials' || message === WRONG_CREDENTIALS || !message
        ? { kind: 'wrongCredentials' }
        : { kind: 'message', message };
    default:
      return error.status >= 500 || !message ? { kind: 'serverError' } : { kind: 'message', message };
  }
}

/** The reasons the page explains; anything else in the address is ignored. */
const NOTICES: readonly string[] = ['expired', 'disabled', 'ended', 'passwordSet'];

/** `0:45`, `1:00`: reads the same in every language, so no plural forms are needed. */
function formatWait(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

@Component({
  selector: 'dg-sign-in',
  imports: [
    MatButton,
    MatCard,
    MatCardContent,
    MatError,
    MatFormField,
    MatIcon,
    MatIconButton,
    MatInput,
    MatLabel,
    MatProgressSpinner,
    MatSuffix,
    ReactiveFormsModule,
    TranslocoDirective,
  ],
  templateUrl: './sign-in.html',
  styleUrl: './sign-in.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignIn {
  private readonly api = inject(DeskgramApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);

  /** Where to go after signing in; set by the guard that sent the person here (`?returnUrl=`). */
  readonly returnUrl = input<string>();
  /** Why the person is here again (`?reason=`): their sign-in ended, or they have just chosen a new password. */
  readonly reason = input<string>();

  protected readonly notice = computed(() => {
    const reason = this.reason();
    return reason && NOTICES.includes(reason) && !this.failure() ? reason : null;
  });

  protected readonly productName = PRODUCT_NAME;
  protected readonly passwordHidden = signal(true);
  protected readonly pending = signal(false);
  protected readonly failure = signal<SignInFailure | null>(null);
  /** Whether the API answers; a person about to sign in should know when it is the service, not their password. */
  protected readonly health = resource({ loader: () => this.api.invoke(getHealth) });
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });

  private readonly now = signal(Date.now());
  /** Seconds until the API accepts another attempt after too many failed ones. */
  protected readonly waitSeconds = computed(() => {
    const failure = this.failure();
    return failure?.kind === 'tooManyAttempts' ? Math.max(0, Math.ceil((failure.until - this.now()) / 1000)) : 0;
  });
  protected readonly waitText = computed(() => formatWait(this.waitSeconds()));

  constructor() {
    // Counts the wait down while it lasts, and takes the message away once another attempt may succeed.
    effect((onCleanup) => {
      const failure = this.failure();
      if (failure?.kind !== 'tooManyAttempts') {
        return;
      }
      const timer = setInterval(() => {
        this.now.set(Date.now());
        if (this.now() >= failure.until) {
          this.failure.set(null);
        }
      }, 1000);
      onCleanup(() => clearInterval(timer));
    });
  }

  protected togglePasswordVisibility(): void {
    this.passwordHidden.update((hidden) => !hidden);
  }

  protected async submit(): Promise<void> {
    if (this.form.invalid || this.pending() || this.waitSeconds() > 0) {
      return;
    }
    const { email, password } = this.form.getRawValue();
    this.pending.set(true);
    this.failure.set(null);
    this.form.disable();
    try {
      const user = await this.auth.signIn(email.trim(), password);
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()) ?? areaOf(user.role));
    } catch (error) {
      this.now.set(Date.now());
      this.failure.set(failureOf(error, this.now()));
    } finally {
      this.pending.set(false);
      this.form.enable();
    }
  }
}
