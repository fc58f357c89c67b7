import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatIconButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import type { FieldTexts } from './field-texts';

/**
 * A new password for someone else's account, with a button that shows it and its errors. Reads `password`,
 * `showPassword`, `hidePassword`, `passwordHint`, `passwordRequired`, `passwordTooShort` (both with `{min}`) and
 * `tooLong` through `t`.
 */
@Component({
  selector: 'dg-password-field',
  imports: [
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatIconButton,
    MatInput,
    MatLabel,
    MatSuffix,
    ReactiveFormsModule,
  ],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>{{ t()('password') }}</mat-label>
      <input matInput [formControl]="control()" autocomplete="new-password" [type]="hidden() ? 'password' : 'text'" />
      <button
        mat-icon-button
        matSuffix
        type="button"
        [attr.aria-label]="hidden() ? t()('showPassword') : t()('hidePassword')"
        [attr.aria-pressed]="!hidden()"
        (click)="hidden.set(!hidden())"
      >
        <mat-icon [svgIcon]="hidden() ? 'visibility' : 'visibility_off'" />
      </button>
      <mat-hint>{{ t()('passwordHint', { min: minLength() }) }}</mat-hint>
      @if (control().hasError('required')) {
        <mat-error>{{ t()('passwordRequired') }}</mat-error>
      } @else if (control().hasError('minlength')) {
        <mat-error>{{ t()('passwordTooShort', { min: minLength() }) }}</mat-error>
      } @else if (control().hasError('maxlength')) {
        <mat-error>{{ t()('tooLong') }}</mat-error>
      }
    </mat-form-field>
  `,
  // The form's column lays out the field as its own child.
  host: { style: 'display: contents' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PasswordField {
  readonly control = input.required<FormControl<string>>();
  readonly t = input.required<FieldTexts>();
  /** The shortest password the control accepts, for the hint and the error. */
  readonly minLength = input.required<number>();
  protected readonly hidden = signal(true);
}
