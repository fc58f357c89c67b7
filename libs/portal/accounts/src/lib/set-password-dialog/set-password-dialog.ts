import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatTooltip } from '@angular/material/tooltip';
import { apiErrorText, type ErrorTexts } from '@deskgram/portal/core';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { generatePassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../password-rules';

export interface SetPasswordDialogData {
  /** Whose password it is, as the dialog names them. */
  readonly name: string;
  /** Sends the new password to the API (the staff or the client route). */
  readonly submit: (password: string) => Promise<void>;
  /** API error codes the calling page explains, mapped to translation keys. */
  readonly errorTexts?: ErrorTexts;
}

/**
 * Staff type or generate a new password for someone. Once the API took it, the dialog shows it one last time with
 * "Copy", since nobody can read it afterwards; the person's sign-ins have ended. Closes with `true` when set.
 */
@Component({
  selector: 'dg-set-password-dialog',
  imports: [
    MatButton,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatIconButton,
    MatInput,
    MatLabel,
    MatSuffix,
    MatTooltip,
    ReactiveFormsModule,
    TranslocoDirective,
  ],
  templateUrl: './set-password-dialog.html',
  styleUrl: './set-password-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SetPasswordDialog {
  private readonly clipboard = inject(Clipboard);
  private readonly transloco = inject(TranslocoService);

  protected readonly data = inject<SetPasswordDialogData>(MAT_DIALOG_DATA);
  protected readonly minLength = MIN_PASSWORD_LENGTH;
  protected readonly pending = signal(false);
  protected readonly failure = signal<string | null>(null);
  /** The password the API accepted; from then on the dialog only shows it. */
  protected readonly saved = signal<string | null>(null);
  protected readonly copied = signal(false);
  protected readonly password = inject(NonNullableFormBuilder).control('', [
    Validators.required,
    Validators.minLength(MIN_PASSWORD_LENGTH),
    Validators.maxLength(MAX_PASSWORD_LENGTH),
  ]);

  protected generate(): void {
    this.password.setValue(generatePassword());
    this.password.markAsTouched();
  }

  protected copy(): void {
    const value = this.saved() ?? this.password.value;
    if (value) {
      this.copied.set(this.clipboard.copy(value));
    }
  }

  protected async submit(): Promise<void> {
    if (this.password.invalid || this.pending()) {
      this.password.markAsTouched();
      return;
    }
    const password = this.password.value;
    this.pending.set(true);
    this.failure.set(null);
    this.password.disable();
    try {
      await this.data.submit(password);
      this.copied.set(false);
      this.saved.set(password);
    } catch (error) {
      this.failure.set(apiErrorText(error, this.transloco, this.data.errorTexts));
      this.password.enable();
    } finally {
      this.pending.set(false);
    }
  }
}
