import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { addClientUser, type ClientDto, DeskgramApi } from '@deskgram/api-client';
import { apiErrorText } from '@deskgram/portal/core';
import { FormDialog, PersonFields } from '@deskgram/portal/ui';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { CLIENT_ERROR_TEXTS, MIN_PASSWORD_LENGTH } from '../client-form';

export interface ClientUserDialogData {
  readonly client: ClientDto;
}

/** Adds a portal user to a client; closes with the client as the API returns it, the new user among its users. */
@Component({
  selector: 'dg-client-user-dialog',
  imports: [FormDialog, PersonFields, ReactiveFormsModule, TranslocoDirective],
  templateUrl: './client-user-dialog.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientUserDialog {
  private readonly api = inject(DeskgramApi);
  private readonly transloco = inject(TranslocoService);
  private readonly dialogRef = inject<MatDialogRef<ClientUserDialog, ClientDto>>(MatDialogRef);

  protected readonly client = inject<ClientUserDialogData>(MAT_DIALOG_DATA).client;
  protected readonly minPasswordLength = MIN_PASSWORD_LENGTH;
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    displayName: ['', [Validators.required, Validators.maxLength(200)]],
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
    password: ['', [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH), Validators.maxLength(200)]],
  });

  protected async submit(): Promise<void> {
    if (this.saving()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { displayName, email, password } = this.form.getRawValue();
    this.saving.set(true);
    this.error.set(null);
    this.dialogRef.disableClose = true;
    try {
      const client = await this.api.invoke(addClientUser, {
        id: this.client.id,
        body: { displayName: displayName.trim(), email: email.trim(), password },
      });
      this.dialogRef.close(client);
    } catch (error) {
      this.error.set(apiErrorText(error, this.transloco, CLIENT_ERROR_TEXTS));
    } finally {
      this.saving.set(false);
      this.dialogRef.disableClose = false;
    }
  }
}
