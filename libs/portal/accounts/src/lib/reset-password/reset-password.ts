import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { DeskgramApi, resetPassword } from '@deskgram/api-client';
import { apiErrorOf, apiErrorText, PRODUCT_NAME, type ErrorTexts } from '@deskgram/portal/core';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { AuthStore } from '@deskgram/portal/auth';
import { NewPasswordFields } from '../new-password-fields';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, sameAs } from '../password-rules';

/** The API's codes for a link that cannot be used, and the page's words for them. */
const LINK_ERRORS: ErrorTexts = {
  'auth.reset_unknown': 'accounts.resetPassword.errors.unknown',
  'auth.reset_used': 'accounts.resetPassword.errors.used',
  'auth.reset_expired': 'accounts.resetPassword.errors.expired',
};

/** The token of `/reset-password#token=…`; it travels in the fragment so that no server ever logs it. */
function tokenOf(fragment: string | null): string | null {
  const token = new URLSearchParams(fragment ?? '').get('token');
  return token && token.trim() !== '' ? token : null;
}

/**
 * `/reset-password#token=…`: the person opened the link staff gave them and chooses a new password, then signs in
 * with it. Their other sign-ins have ended, including one in this browser.
 */
@Component({
  selector: 'dg-reset-password',
  imports: [
    MatAnchor,
    MatButton,
    MatCard,
    MatCardContent,
    MatIcon,
    NewPasswordFields,
    ReactiveFormsModule,
    RouterLink,
    TranslocoDirective,
  ],
  templateUrl: './reset-password.html',
  styleUrl: './reset-password.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResetPassword {
  private readonly api = inject(DeskgramApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);

  protected readonly productName = PRODUCT_NAME;
  protected readonly minLength = MIN_PASSWORD_LENGTH;
  /** Read once: the address bar then drops it, so the token is not left in the history for the next person. */
  protected readonly token = tokenOf(inject(ActivatedRoute).snapshot.fragment);
  protected readonly hidden = signal(true);
  protected readonly pending = signal(false);
  protected readonly failure = signal<string | null>(null);
  /** The link itself is dead (unknown, used, expired): no new password can help, only a new link. */
  protected readonly linkDead = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    password: [
      '',
      [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH), Validators.maxLength(MAX_PASSWORD_LENGTH)],
    ],
    repeat: ['', [Validators.required, sameAs('password')]],
  });

  constructor() {
    if (this.token) {
      void this.router.navigate([], { replaceUrl: true, fragment: undefined });
    }
  }

  protected toggleHidden(): void {
    this.hidden.update((hidden) => !hidden);
  }

  protected passwordChanged(): void {
    this.form.controls.repeat.updateValueAndValidity();
  }

  protected async submit(): Promise<void> {
    if (!this.token || this.form.invalid || this.pending()) {
      this.form.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    this.failure.set(null);
    this.form.disable();
    try {
      await this.api.invoke(resetPassword, { body: { token: this.token, password: this.form.getRawValue().password } });
      // Every sign-in of the person has ended on the server, one in this browser too.
      this.auth.forget();
      await this.router.navigate(['/sign-in'], { queryParams: { reason: 'passwordSet' } });
    } catch (error) {
      const { code, status } = apiErrorOf(error);
      this.linkDead.set(code !== null && code in LINK_ERRORS);
      this.failure.set(
        status === 429
          ? this.transloco.translate('accounts.resetPassword.errors.tooManyAttempts')
          : apiErrorText(error, this.transloco, LINK_ERRORS),
      );
      this.form.enable();
    } finally {
      this.pending.set(false);
    }
  }
}
