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

/** Texts already translated; a destructive action gets the error colour on its button. */
export interface ConfirmDialogData {
  readonly title: string;
  readonly message: string;
  readonly confirm: string;
  readonly destructive?: boolean;
}

/** Asks before an action that is hard to undo; closes with `true` only when the person confirms. */
@Component({
  selector: 'dg-account-confirm-dialog',
  imports: [MatButton, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle, TranslocoDirective],
  templateUrl: './confirm-dialog.html',
  styleUrl: './confirm-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmDialog {
  protected readonly data = inject<ConfirmDialogData>(MAT_DIALOG_DATA);
}
