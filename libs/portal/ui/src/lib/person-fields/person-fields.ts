import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { EmailField } from './email-field';
import type { FieldTexts } from './field-texts';
import { PasswordField } from './password-field';

/** The controls `PersonFields` edits. */
export type PersonControls = {
  displayName: FormControl<string>;
  email: FormControl<string>;
  password: FormControl<string>;
};

/**
 * The name, e-mail and password of a new account, with their errors. Reads `displayName`, `displayNameRequired`,
 * `tooLong` and the keys of `EmailField` and `PasswordField` through `t`.
 */
@Component({
  selector: 'dg-person-fields',
  imports: [EmailField, MatError, MatFormField, MatInput, MatLabel, PasswordField, ReactiveFormsModule],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>{{ t()('displayName') }}</mat-label>
      <input matInput [formControl]="form().controls.displayName" autocomplete="off" />
      @if (form().controls.displayName.hasError('required')) {
        <mat-error>{{ t()('displayNameRequired') }}</mat-error>
      } @else if (form().controls.displayName.hasError('maxlength')) {
        <mat-error>{{ t()('tooLong') }}</mat-error>
      }
    </mat-form-field>
    <dg-email-field [control]="form().controls.email" [t]="t()" [hint]="emailHint()" />
    <dg-password-field [control]="form().controls.password" [t]="t()" [minLength]="minPasswordLength()" />
  `,
  // A box of its own, laid out as the form's column, so that the column's first child keeps its room above.
  styles: ':host { display: flex; flex-direction: column; gap: 16px; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PersonFields {
  /** The form group holding the three controls (and any others of the page). */
  readonly form = input.required<{ readonly controls: PersonControls }>();
  readonly t = input.required<FieldTexts>();
  readonly emailHint = input<string>();
  readonly minPasswordLength = input.required<number>();
}
