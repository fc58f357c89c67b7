import { DOCUMENT } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTooltip } from '@angular/material/tooltip';
import { type AttachmentDto, DeskgramApi, downloadAttachment } from '@deskgram/api-client';
import { apiErrorText, LanguageStore } from '@deskgram/portal/core';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { AttachmentThumb } from './attachment-thumb';
import { FileSizePipe } from './file-size-pipe';
import { FILE_ICONS, fileKind } from './files';
import { saveFile } from './save-file';

/** Images up to this size get a thumbnail; larger ones are only listed, so a thread does not fetch megabytes. */
export const THUMBNAIL_MAX_BYTES = 5 * 1024 * 1024;

/** The files of one message: type icon, name, size and "Download"; images also as a thumbnail. */
@Component({
  selector: 'dg-message-attachments',
  imports: [AttachmentThumb, FileSizePipe, MatIcon, MatIconButton, MatProgressSpinner, MatTooltip, TranslocoDirective],
  templateUrl: './message-attachments.html',
  styleUrl: './message-attachments.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MessageAttachments {
  private readonly api = inject(DeskgramApi);
  private readonly document = inject(DOCUMENT);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  readonly attachments = input.required<readonly AttachmentDto[]>();

  protected readonly language = inject(LanguageStore).language;
  /** Thumbnails first, as tiles; then the other files, each on a row of its own. */
  protected readonly ordered = computed(() => [
    ...this.attachments().filter((attachment) => this.thumbnail(attachment)),
    ...this.attachments().filter((attachment) => !this.thumbnail(attachment)),
  ]);
  /** The files being fetched for a download. */
  protected readonly downloading = signal<ReadonlySet<string>>(new Set());

  protected icon(attachment: AttachmentDto): string {
    return FILE_ICONS[fileKind(attachment.contentType)];
  }

  protected thumbnail(attachment: AttachmentDto): boolean {
    return fileKind(attachment.contentType) === 'image' && attachment.size <= THUMBNAIL_MAX_BYTES;
  }

  protected async download(attachment: AttachmentDto): Promise<void> {
    if (this.downloading().has(attachment.id)) {
      return;
    }
    this.downloading.update((ids) => new Set([...ids, attachment.id]));
    try {
      const blob = await this.api.invoke(downloadAttachment, { id: attachment.id });
      saveFile(blob, attachment.fileName, this.document);
    } catch (error) {
      // A refused download answers JSON, which arrives here as a Blob.
      const text = apiErrorText(await readableError(error), this.transloco);
      this.snackBar.open(
        this.transloco.translate('tickets.files.downloadError', { text }),
        this.transloco.translate('common.dismiss'),
        {
          duration: 8000,
        },
      );
    } finally {
      this.downloading.update((ids) => new Set([...ids].filter((id) => id !== attachment.id)));
    }
  }
}

/** A failed blob request carries its JSON error body as a Blob; reads it, so `apiErrorText` finds the code. */
async function readableError(error: unknown): Promise<unknown> {
  if (!(error instanceof HttpErrorResponse) || !(error.error instanceof Blob)) {
    return error;
  }
  try {
    return new HttpErrorResponse({
      error: await error.error.text(),
      status: error.status,
      statusText: error.statusText,
      url: error.url ?? undefined,
    });
  } catch {
    return error;
  }
}
