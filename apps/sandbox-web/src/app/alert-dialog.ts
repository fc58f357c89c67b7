import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent } from '@angular/material/dialog';
import { TranslocoPipe } from '@jsverse/transloco';

/** The bot's answer to a button with `show_alert`, as Telegram's modal alert. */
@Component({
  selector: 'dg-alert-dialog',
  imports: [MatButton, MatDialogActions, MatDialogClose, MatDialogContent, TranslocoPipe],
  template: `
    <mat-dialog-content class="alert-text">{{ data.text }}</mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button mat-dialog-close>{{ 'common.ok' | transloco }}</button>
    </mat-dialog-actions>
  `,
  styles: '.alert-text { white-space: pre-wrap; padding-top: 20px; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AlertDialog {
  readonly data = inject<{ text: string }>(MAT_DIALOG_DATA);
}
