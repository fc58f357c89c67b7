import { ChangeDetectionStrategy, Component, inject, resource, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatError, MatFormField, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { DeskgramApi, getHealth } from '@deskgram/api-client';
import { PRODUCT_NAME } from '@deskgram/portal/core';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';

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
    MatSuffix,
    ReactiveFormsModule,
    TranslocoDirective,
  ],
  templateUrl: './sign-in.html',
  styleUrl: './sign-in.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignIn {
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly api = inject(DeskgramApi);

  protected readonly productName = PRODUCT_NAME;
  protected readonly passwordHidden = signal(true);
  /** Whether the API answers; a person about to sign in should know when it is the service, not their password. */
  protected readonly health = resource({ loader: () => this.api.invoke(getHealth) });
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });

  protected togglePasswordVisibility(): void {
    this.passwordHidden.update((hidden) => !hidden);
  }

  protected submit(): void {
    if (this.form.invalid) {
      return;
    }
    // Signing in arrives together with the accounts API; until then the page says so instead of pretending.
    this.snackBar.open(this.transloco.translate('signIn.unavailable'), this.transloco.translate('common.dismiss'), {
      duration: 6000,
    });
  }
}
