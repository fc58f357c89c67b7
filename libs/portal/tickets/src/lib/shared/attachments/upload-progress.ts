import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';
import { TranslocoDirective } from '@jsverse/transloco';

/**
 * How far the files of a message have been sent: determinate while the upload reports its progress (`sent`, 0 to 1),
 * indeterminate before and when it does not.
 */
@Component({
  selector: 'dg-upload-progress',
  imports: [MatProgressBar, TranslocoDirective],
  template: `
    <div class="upload" role="status" *transloco="let t; prefix: 'tickets.files'">
      <span class="label">
        @if (sent() === null) {
          {{ t('uploading', { count: count() }) }}
        } @else {
          {{ t('uploadingPercent', { count: count(), percent: percent() }) }}
        }
      </span>
      <mat-progress-bar
        [mode]="sent() === null ? 'indeterminate' : 'determinate'"
        [value]="percent()"
        [attr.aria-label]="t('uploading', { count: count() })"
      />
    </div>
  `,
  styles: `
    .upload {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .label {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UploadProgress {
  /** The part sent, 0 to 1, or null while unknown. */
  readonly sent = input<number | null>(null);
  /** How many files are being sent. */
  readonly count = input(0);

  protected percent(): number {
    return Math.round((this.sent() ?? 0) * 100);
  }
}
