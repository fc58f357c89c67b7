import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatIconButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import type { FieldTexts } from '@deskgram/portal/ui';

/** The keys of the new password's own texts, under the page's prefix. */
export interface NewPasswordKeys {
  readonly label: string;
  readonly required: string;
  /** Takes `{min}`. */
  readonly hint: string;
}

/**
 * The new password and its repetition, as the change-password card and the reset page ask for them. Reads the keys
 * in `keys`, `tooShort` (with `{min}`), `tooLong`, `repeat`, `repeatRequired`, `mismatch` and, with `toggle`, `show`
 * and `hide` through `t`.
 */
@Component({
  selector: 'dg-new-password-fields',
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
      <mat-label>{{ t()(keys().label) }}</mat-label>
      <input
        matInput
        [formControl]="password()"
        autocomplete="new-password"
        [type]="hidden() ? 'password' : 'text'"
        (input)="passwordInput.emit()"
        [attr.data-testid]="passwordTestId()"
      />
      @if (toggle()) {
        <button
          mat-icon-button
          matSuffix
          type="button"
          [attr.aria-label]="hidden() ? t()('show') : t()('hide')"
          [attr.aria-pressed]="!hidden()"
          (click)="toggleHidden.emit()"
        >
          <mat-icon [svgIcon]="hidden() ? 'visibility' : 'visibility_off'" />
        </button>
      }
      @if (password().hasError('required')) {
        <mat-error>{{ t()(keys().required) }}</mat-error>
      } @else if (password().hasError('minlength')) {
        <mat-error>{{ t()('tooShort', { min: minLength() }) }}</mat-error>
      } @else if (password().hasError('maxlength')) {
        <mat-error>{{ t()('tooLong') }}</mat-error>
      } @else {
        <mat-hint>{{ t()(keys().hint, { min: minLength() }) }}</mat-hint>
      }
    </mat-form-field>

    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>{{ t()('repeat') }}</mat-label>
      <input
        matInput
        [formControl]="repeat()"
        autocomplete="new-password"
        [type]="hidden() ? 'password' : 'text'"
        [attr.data-testid]="repeatTestId()"
      />
      @if (repeat().hasError('required')) {
        <mat-error>{{ t()('repeatRequired') }}</mat-error>
      } @else if (repeat().hasError('mismatch')) {
        <mat-error>{{ t()('mismatch') }}</mat-error>
      }
    </mat-form-field>
  `,
  // The form's column lays out both fields as its own children.
  host: { style: 'display: contents' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NewPasswordFields {
  readonly password = input.required<FormControl<string>>();
  readonly repeat = input.required<FormControl<string>>();
  readonly t = input.required<FieldTexts>();
  readonly keys = input.required<NewPasswordKeys>();
  readonly minLength = input.required<number>();
  /** Whether both show their text; the page holds it, as its other password fields follow it too. */
  readonly hidden = input.required<boolean>();
  /** Whether the new password has the show/hide button (where no field above it has one). */
  readonly toggle = input(false);
  readonly passwordTestId = input.required<string>();
  readonly repeatTestId = input.required<string>();
  /** The person typed in the new password. */
  readonly passwordInput = output();
  readonly toggleHidden = output();
}
