import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { TranslocoDirective } from '@jsverse/transloco';

export interface AttachmentPreviewData {
  /** The image as a `data:` URL. */
  readonly url: string;
  readonly fileName: string;
}

/** An image of a message at full size, with "Download". */
@Component({
  selector: 'dg-attachment-preview',
  imports: [MatButton, MatDialogActions, MatDialogClose, MatDialogContent, MatIcon, TranslocoDirective],
  template: `
    <ng-container *transloco="let t; prefix: 'tickets.files'">
      <mat-dialog-content class="content">
        <img class="full" [src]="data.url" [alt]="data.fileName" />
      </mat-dialog-content>
      <mat-dialog-actions class="actions">
        <span class="name" [title]="data.fileName">{{ data.fileName }}</span>
        <a mat-button [href]="data.url" [attr.download]="data.fileName">
          <mat-icon svgIcon="download" />
          {{ t('download') }}
        </a>
        <button mat-flat-button type="button" mat-dialog-close>{{ t('close') }}</button>
      </mat-dialog-actions>
    </ng-container>
  `,
  styles: `
    .content {
      display: flex;
      justify-content: center;
      padding: 8px !important;
    }
    .full {
      display: block;
      max-width: 100%;
      max-height: 75vh;
      object-fit: contain;
    }
    .actions {
      gap: 8px;
    }
    .name {
      flex: 1 1 auto;
      min-width: 0;
      overflow: hidden;
      font: var(--mat-sys-body-medium);
      text-overflow: ellipsis;
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AttachmentPreview {
  protected readonly data = inject<AttachmentPreviewData>(MAT_DIALOG_DATA);
}
