import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatDialogRef } from '@angular/material/dialog';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { createUser, DeskgramApi, type StaffRole, type StaffUserDto } from '@deskgram/api-client';
import { apiErrorText } from '@deskgram/portal/core';
import { FormDialog, PersonFields } from '@deskgram/portal/ui';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { MIN_PASSWORD_LENGTH, STAFF_ERROR_TEXTS, STAFF_ROLES } from '../staff-form';

/** Creates a staff account; closes with it as the API returns it. */
@Component({
  selector: 'dg-staff-user-dialog',
  imports: [FormDialog, MatRadioButton, MatRadioGroup, PersonFields, ReactiveFormsModule, TranslocoDirective],
  templateUrl: './staff-user-dialog.html',
  styleUrl: './staff-user-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffUserDialog {
  private readonly api = inject(DeskgramApi);
  private readonly transloco = inject(TranslocoService);
  private readonly dialogRef = inject<MatDialogRef<StaffUserDialog, StaffUserDto>>(MatDialogRef);

  protected readonly roles = STAFF_ROLES;
  protected readonly minPasswordLength = MIN_PASSWORD_LENGTH;
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    displayName: ['', [Validators.required, Validators.maxLength(200)]],
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
    password: ['', [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH), Validators.maxLength(200)]],
    // The smaller set of rights is the safer default.
    role: ['agent' as StaffRole, Validators.required],
  });

  protected async submit(): Promise<void> {
    if (this.saving()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { displayName, email, password, role } = this.form.getRawValue();
    this.saving.set(true);
    this.error.set(null);
    // A half-sent form must not be thrown away by a stray click outside the dialog.
    this.dialogRef.disableClose = true;
    try {
      const user = await this.api.invoke(createUser, {
        body: { displayName: displayName.trim(), email: email.trim(), password, role },
      });
      this.dialogRef.close(user);
    } catch (error) {
      this.error.set(apiErrorText(error, this.transloco, STAFF_ERROR_TEXTS));
    } finally {
      this.saving.set(false);
      this.dialogRef.disableClose = false;
    }
  }
}
