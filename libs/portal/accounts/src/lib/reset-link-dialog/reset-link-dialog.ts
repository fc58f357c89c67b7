import { Clipboard } from '@angular/cdk/clipboard';
import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, resource, signal } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatTooltip } from '@angular/material/tooltip';
import { type ResetLinkDto } from '@deskgram/api-client';
import { apiErrorText, LanguageStore, type ErrorTexts } from '@deskgram/portal/core';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';

export interface ResetLinkDialogData {
  /** Whose link it is, as the dialog names them. */
  readonly name: string;
  /** Asks the API for a new link (the staff or the client route); older links of the person stop working. */
  readonly create: () => Promise<ResetLinkDto>;
  readonly errorTexts?: ErrorTexts;
}

/**
 * Creates a one-time password reset link as it opens and shows it with "Copy" and when it expires, for staff to
 * pass on. The link is shown only here: the server keeps nothing it could be read back from.
 */
@Component({
  selector: 'dg-reset-link-dialog',
  imports: [
    DatePipe,
    MatButton,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatIcon,
    MatIconButton,
    MatProgressSpinner,
    MatTooltip,
    TranslocoDirective,
  ],
  templateUrl: './reset-link-dialog.html',
  styleUrl: './reset-link-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResetLinkDialog {
  private readonly clipboard = inject(Clipboard);
  private readonly transloco = inject(TranslocoService);

  protected readonly data = inject<ResetLinkDialogData>(MAT_DIALOG_DATA);
  protected readonly language = inject(LanguageStore).language;
  protected readonly link = resource({ loader: () => this.data.create() });
  protected readonly failure = computed(() =>
    this.link.status() === 'error' ? apiErrorText(this.link.error(), this.transloco, this.data.errorTexts) : null,
  );
  protected readonly copied = signal(false);

  protected copy(url: string): void {
    this.copied.set(this.clipboard.copy(url));
  }
}
