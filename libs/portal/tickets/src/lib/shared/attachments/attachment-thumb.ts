import { ChangeDetectionStrategy, Component, effect, inject, input, resource, signal } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { type AttachmentDto, DeskgramApi, downloadAttachment } from '@deskgram/api-client';
import { TranslocoDirective } from '@jsverse/transloco';
import { AttachmentPreview, type AttachmentPreviewData } from './attachment-preview';

/**
 * An image of a message as a thumbnail: fetched as a blob with the session (the download needs the bearer header)
 * and shown as a `data:` URL, since the API's Content-Security-Policy (helmet's `img-src 'self' data:`) refuses
 * `blob:` images; a click opens it at full size.
 */
@Component({
  selector: 'dg-attachment-thumb',
  imports: [MatIcon, MatProgressSpinner, TranslocoDirective],
  template: `
    <ng-container *transloco="let t; prefix: 'tickets.files'">
      @if (broken() || image.error()) {
        <span class="state error" role="img" [attr.aria-label]="t('previewError')">
          <mat-icon svgIcon="broken_image" />
          <span>{{ t('previewError') }}</span>
        </span>
      } @else if (url(); as url) {
        <button
          type="button"
          class="open"
          [attr.aria-label]="t('open', { name: attachment().fileName })"
          (click)="open(url)"
        >
          <img class="thumb" [src]="url" [alt]="attachment().fileName" (error)="broken.set(true)" />
        </button>
      } @else {
        <span class="state" role="status" [attr.aria-label]="t('previewLoading')">
          <mat-progress-spinner mode="indeterminate" diameter="24" />
        </span>
      }
    </ng-container>
  `,
  styleUrl: './attachment-thumb.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AttachmentThumb {
  private readonly api = inject(DeskgramApi);
  private readonly dialog = inject(MatDialog);

  readonly attachment = input.required<AttachmentDto>();

  protected readonly image = resource({
    params: () => ({ id: this.attachment().id }),
    loader: ({ params }) => this.api.invoke(downloadAttachment, params),
  });
  protected readonly url = signal<string | null>(null);
  /** The browser could not show the bytes as an image. */
  protected readonly broken = signal(false);

  constructor() {
    effect((onCleanup) => {
      this.url.set(null);
      this.broken.set(false);
      if (!this.image.hasValue()) {
        return;
      }
      let current = true;
      onCleanup(() => (current = false));
      dataUrl(this.image.value()).then(
        (url) => current && this.url.set(url),
        () => current && this.broken.set(true),
      );
    });
  }

  protected open(url: string): void {
    this.dialog.open<AttachmentPreview, AttachmentPreviewData>(AttachmentPreview, {
      data: { url, fileName: this.attachment().fileName },
      maxWidth: '95vw',
      autoFocus: 'dialog',
    });
  }
}

/** The image as a `data:` URL. */
function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}
