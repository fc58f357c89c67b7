import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { FieldTexts } from './field-texts';

/**
 * An e-mail address field with its errors. Reads `email`, `emailRequired` and `emailInvalid` through `t`; `hint`, when
 * given, is shown under it.
 */
@Component({
  selector: 'dg-email-field',
  imports: [MatError, MatFormField, MatHint, MatInput, MatLabel, ReactiveFormsModule],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>{{ t()('email') }}</mat-label>
      <input
        matInput
        [formControl]="control()"
        type="email"
        inputmode="email"
        autocomplete="off"
        autocapitalize="none"
        spellcheck="false"
      />
      @if (hint(); as hint) {
        <mat-hint>{{ hint }}</mat-hint>
      }
      @if (control().hasError('required')) {
        <mat-error>{{ t()('emailRequired') }}</mat-error>
      } @else if (control().invalid) {
        <mat-error>{{ t()('emailInvalid') }}</mat-error>
      }
    </mat-form-field>
  `,
  // The form's column lays out the field as its own child.
  host: { style: 'display: contents' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmailField {
  readonly control = input.required<FormControl<string>>();
  readonly t = input.required<FieldTexts>();
  readonly hint = input<string>();
}
