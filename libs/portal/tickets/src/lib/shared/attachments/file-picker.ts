import { ChangeDetectionStrategy, Component, inject, input, model, signal } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { LanguageStore } from '@deskgram/portal/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { FileSizePipe } from './file-size-pipe';
import { AttachmentLimits } from './attachment-limits';
import { addFiles, FILE_ICONS, fileKind, type FileRefusal } from './files';

/**
 * The files of a message before it is sent: a drop zone with "Choose files", the limits, the chosen files with their
 * size and a remove button, and why a file was not taken. The API checks the same limits again.
 */
@Component({
  selector: 'dg-file-picker',
  imports: [FileSizePipe, MatButton, MatIcon, MatIconButton, TranslocoDirective],
  templateUrl: './file-picker.html',
  styleUrl: './file-picker.scss',
  host: {
    '(document:dragover)': 'ignoreStray($event)',
    '(document:drop)': 'ignoreStray($event)',
  },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FilePicker {
  readonly files = model<readonly File[]>([]);
  /** While the message is being sent. */
  readonly disabled = input(false);

  protected readonly language = inject(LanguageStore).language;
  private readonly limits = inject(AttachmentLimits);
  protected readonly maxFiles = this.limits.maxFiles;
  protected readonly maxBytes = this.limits.maxFileBytes;
  /** Something is being dragged over the zone. */
  protected readonly over = signal(false);
  protected readonly refused = signal<readonly FileRefusal[]>([]);

  protected icon(file: File): string {
    return FILE_ICONS[fileKind(file.type)];
  }

  protected add(incoming: readonly File[]): void {
    if (this.disabled() || incoming.length === 0) {
      return;
    }
    const { files, refused } = addFiles(this.files(), incoming, this.maxBytes(), this.maxFiles());
    this.files.set(files);
    this.refused.set(refused);
  }

  protected chosen(input: HTMLInputElement): void {
    this.add(Array.from(input.files ?? []));
    // The same file may be chosen again after it was removed.
    input.value = '';
  }

  protected remove(index: number): void {
    this.files.update((files) => files.filter((_, i) => i !== index));
    this.refused.set([]);
  }

  protected dragOver(event: DragEvent): void {
    // Without this the browser would open the file instead of dropping it here.
    event.preventDefault();
    event.stopPropagation();
    if (event.dataTransfer) {
      event.dataTransfer.dropEffect = this.disabled() ? 'none' : 'copy';
    }
    this.over.set(!this.disabled());
  }

  protected dragLeave(event: DragEvent): void {
    const zone = event.currentTarget as HTMLElement;
    if (!(event.relatedTarget instanceof Node) || !zone.contains(event.relatedTarget)) {
      this.over.set(false);
    }
  }

  /**
   * Files dropped beside the zone would make the browser open them in place of the portal, losing what was typed;
   * while a picker is on the page such a drop does nothing. Dragged text still drops into fields.
   */
  protected ignoreStray(event: DragEvent): void {
    const transfer = event.dataTransfer;
    if (transfer && Array.from(transfer.types ?? []).includes('Files')) {
      event.preventDefault();
      if (event.type === 'dragover') {
        transfer.dropEffect = 'none';
      }
    }
  }

  protected drop(event: DragEvent): void {
    event.preventDefault();
    event.stopPropagation();
    this.over.set(false);
    this.add(Array.from(event.dataTransfer?.files ?? []));
  }
}
