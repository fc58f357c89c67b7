import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';

export interface ConfirmDialogData {
  readonly title: string;
  readonly message: string;
  readonly confirm: string;
  readonly destructive?: boolean;
}

/** Asks before an action that cannot be taken back; closes with `true` when the person agrees. */
@Component({
  selector: 'dg-confirm-dialog',
  imports: [MatButton, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle, TranslocoDirective],
  template: `
    <ng-container *transloco="let common; prefix: 'common'">
      <h2 mat-dialog-title>{{ data.title }}</h2>
      <mat-dialog-content>{{ data.message }}</mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="false">{{ common('cancel') }}</button>
        <button
          mat-flat-button
          type="button"
          class="confirm"
          [class.destructive]="data.destructive"
          [mat-dialog-close]="true"
        >
          {{ data.confirm }}
        </button>
      </mat-dialog-actions>
    </ng-container>
  `,
  styles: `
    .destructive {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmDialog {
  protected readonly data = inject<ConfirmDialogData>(MAT_DIALOG_DATA);
}
