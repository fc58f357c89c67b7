import { ChangeDetectionStrategy, Component, input, ViewEncapsulation } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * The frame of a form in a dialog: put it on the `<form>` (with its `[formGroup]` and `(ngSubmit)`) and project the
 * fields. It adds the title, the API's refusal above the fields, and Cancel and Submit; while `busy`, both are
 * disabled and Submit shows a spinner. Content marked `dgFormDialogIntro` stands above the refusal.
 *
 * ```html
 * <form dgFormDialog [title]="t('title')" [submitLabel]="t('create')" [busy]="saving()" [error]="error()"
 *       [formGroup]="form" (ngSubmit)="submit()" novalidate>
 *   <mat-form-field>…</mat-form-field>
 * </form>
 * ```
 */
@Component({
  // An attribute of the dialog's own <form>, so that [formGroup] and (ngSubmit) stay with the fields.
  // eslint-disable-next-line @angular-eslint/component-selector
  selector: 'form[dgFormDialog]',
  imports: [
    MatButton,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatIcon,
    MatProgressSpinner,
    TranslocoPipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ title() }}</h2>

    <mat-dialog-content class="fields">
      <ng-content select="[dgFormDialogIntro]" />
      @if (error(); as message) {
        <div class="form-error" role="alert">
          <mat-icon svgIcon="error_outline" />
          <span>{{ message }}</span>
        </div>
      }
      <ng-content />
    </mat-dialog-content>

    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close [disabled]="busy()">{{ 'common.cancel' | transloco }}</button>
      <button mat-flat-button type="submit" [disabled]="busy()" [attr.aria-busy]="busy()">
        @if (busy()) {
          <mat-progress-spinner class="busy-spinner" mode="indeterminate" diameter="18" aria-hidden="true" />
        } @else if (submitIcon(); as icon) {
          <mat-icon [svgIcon]="icon" />
        }
        {{ submitLabel() }}
      </button>
    </mat-dialog-actions>
  `,
  styleUrl: './form-dialog.scss',
  encapsulation: ViewEncapsulation.None,
  host: { class: 'dg-form-dialog' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FormDialog {
  readonly title = input.required<string>();
  readonly submitLabel = input.required<string>();
  /** An icon (registered name) before the submit label. */
  readonly submitIcon = input<string | null>(null);
  /** While the form is being sent: Cancel and Submit are disabled and Submit spins. */
  readonly busy = input(false);
  /** The API's refusal, already translated. */
  readonly error = input<string | null>(null);
}
