import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { type ClientDto, createClient, DeskgramApi, updateClient } from '@deskgram/api-client';
import { apiErrorText } from '@deskgram/portal/core';
import { EmailField, FormDialog, PasswordField } from '@deskgram/portal/ui';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { CLIENT_ERROR_TEXTS, MIN_PASSWORD_LENGTH, PHONE_PATTERN } from '../client-form';

/** Without a client the dialog creates one, with its first portal user; with a client it edits the contacts. */
export interface ClientDialogData {
  readonly client?: ClientDto;
}

/** The text of an optional field as the API wants it: trimmed, and null when empty, which also clears it. */
function optional(value: string): string | null {
  return value.trim() || null;
}

@Component({
  selector: 'dg-client-dialog',
  imports: [
    EmailField,
    FormDialog,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    PasswordField,
    ReactiveFormsModule,
    TranslocoDirective,
  ],
  templateUrl: './client-dialog.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientDialog {
  private readonly api = inject(DeskgramApi);
  private readonly transloco = inject(TranslocoService);
  private readonly dialogRef = inject<MatDialogRef<ClientDialog, ClientDto>>(MatDialogRef);
  private readonly client = inject<ClientDialogData>(MAT_DIALOG_DATA).client;

  protected readonly creating = this.client === undefined;
  protected readonly minPasswordLength = MIN_PASSWORD_LENGTH;
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.client?.name ?? '', [Validators.required, Validators.maxLength(200)]],
    email: [this.client?.email ?? '', [Validators.required, Validators.email, Validators.maxLength(254)]],
    // Only a new client gets a contact and a password: those of its first portal user.
    contactName: ['', Validators.maxLength(200)],
    password: [
      '',
      this.creating ? [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH), Validators.maxLength(200)] : [],
    ],
    phone: [this.client?.phone ?? '', Validators.pattern(PHONE_PATTERN)],
    company: [this.client?.company ?? '', Validators.maxLength(200)],
  });

  protected async submit(): Promise<void> {
    if (this.saving()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    // A half-sent form must not be thrown away by a stray click outside the dialog.
    this.dialogRef.disableClose = true;
    try {
      this.dialogRef.close(await this.save());
    } catch (error) {
      this.error.set(apiErrorText(error, this.transloco, CLIENT_ERROR_TEXTS));
    } finally {
      this.saving.set(false);
      this.dialogRef.disableClose = false;
    }
  }

  private save(): Promise<ClientDto> {
    const { name, contactName, email, password, phone, company } = this.form.getRawValue();
    const contacts = { name: name.trim(), email: email.trim(), phone: optional(phone), company: optional(company) };
    return this.client
      ? this.api.invoke(updateClient, { id: this.client.id, body: contacts })
      : this.api.invoke(createClient, { body: { ...contacts, contactName: optional(contactName), password } });
  }
}
