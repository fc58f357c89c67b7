import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatCard } from '@angular/material/card';
import { MatError, MatFormField, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { apiErrorOf, apiErrorText } from '@deskgram/portal/core';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { AuthStore } from '@deskgram/portal/auth';
import { NewPasswordFields } from '../new-password-fields';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, sameAs } from '../password-rules';

/** `/profile`: the signed-in person replaces their password with the current one; their other sign-ins end. */
@Component({
  selector: 'dg-change-password',
  imports: [
    MatButton,
    MatCard,
    MatError,
    MatFormField,
    MatIcon,
    MatIconButton,
    MatInput,
    MatLabel,
    MatSuffix,
    NewPasswordFields,
    ReactiveFormsModule,
    TranslocoDirective,
  ],
  templateUrl: './change-password.html',
  styleUrl: './change-password.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangePassword {
  private readonly auth = inject(AuthStore);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  protected readonly minLength = MIN_PASSWORD_LENGTH;
  protected readonly hidden = signal(true);
  protected readonly pending = signal(false);
  /** Why the last attempt failed, when it was not the current password (that one shows at its field). */
  protected readonly failure = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', Validators.required],
    newPassword: [
      '',
      [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH), Validators.maxLength(MAX_PASSWORD_LENGTH)],
    ],
    repeat: ['', [Validators.required, sameAs('newPassword')]],
  });

  protected toggleHidden(): void {
    this.hidden.update((hidden) => !hidden);
  }

  protected newPasswordChanged(): void {
    this.form.controls.repeat.updateValueAndValidity();
  }

  protected async submit(): Promise<void> {
    if (this.form.invalid || this.pending()) {
      this.form.markAllAsTouched();
      return;
    }
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.pending.set(true);
    this.failure.set(null);
    this.form.disable();
    try {
      await this.auth.changePassword(currentPassword, newPassword);
      this.form.enable();
      this.form.reset();
      this.snackBar.open(this.transloco.translate('accounts.changePassword.done'), undefined, { duration: 5000 });
    } catch (error) {
      this.form.enable();
      const { code, status } = apiErrorOf(error);
      if (code === 'auth.wrong_password') {
        this.form.controls.currentPassword.setErrors({ wrong: true });
        this.form.controls.currentPassword.markAsTouched();
      } else if (status === 429) {
        this.failure.set(this.transloco.translate('accounts.changePassword.tooManyAttempts'));
      } else {
        this.failure.set(apiErrorText(error, this.transloco));
      }
    } finally {
      this.pending.set(false);
    }
  }
}
