import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  addTicketMessage$FormData,
  addTicketMessage$Json,
  DeskgramApi,
  type TicketMessageDto,
} from '@deskgram/api-client';
import { apiErrorOf, apiErrorText } from '@deskgram/portal/core';
import { MiniApp } from '@deskgram/portal/mini-app';
import { translateSignal, TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { FilePicker } from './attachments/file-picker';
import { uploadWithProgress } from './attachments/upload';
import { UploadProgress } from './attachments/upload-progress';
import { formSignal } from './mini-app-form';
import { BODY_MAX, requiredWithoutFiles } from './ticket-form';

export type ReplyKind = 'public' | 'internal';

/**
 * Writes a message on a ticket, with files (dropped or chosen); staff choose between a public reply and an internal
 * note. Text is optional when files are attached.
 */
@Component({
  selector: 'dg-reply-box',
  imports: [
    FilePicker,
    MatButton,
    MatButtonToggle,
    MatButtonToggleGroup,
    MatError,
    MatFormField,
    MatIcon,
    MatInput,
    MatLabel,
    ReactiveFormsModule,
    TranslocoDirective,
    UploadProgress,
  ],
  templateUrl: './reply-box.html',
  styleUrl: './reply-box.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReplyBox {
  private readonly api = inject(DeskgramApi);
  private readonly http = inject(HttpClient);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  /** Inside Telegram, its Main button sends, and the page's own button is hidden. */
  protected readonly miniApp = inject(MiniApp);

  readonly ticketId = input.required<string>();
  /** Staff may write internal notes. */
  readonly allowInternal = input(false);
  readonly sent = output<TicketMessageDto>();
  /** The ticket turned out to be closed. */
  readonly closed = output<void>();

  protected readonly files = signal<readonly File[]>([]);
  protected readonly form = new FormGroup({
    body: new FormControl('', {
      nonNullable: true,
      validators: [requiredWithoutFiles(this.files), Validators.maxLength(BODY_MAX)],
    }),
  });
  protected readonly body = this.form.controls.body;
  protected readonly kind = signal<ReplyKind>('public');
  protected readonly sending = signal(false);
  /** The part of the files sent, 0 to 1; null while unknown. */
  protected readonly progress = signal<number | null>(null);

  private readonly hasText = formSignal(this.body, () => this.body.value.trim() !== '');
  private readonly internal = computed(() => this.allowInternal() && this.kind() === 'internal');

  constructor() {
    effect(() => {
      this.files();
      this.body.updateValueAndValidity();
    });
    const sendText = translateSignal('tickets.thread.send');
    const noteText = translateSignal('tickets.thread.addNote');
    this.miniApp.useMainButton({
      text: () => (this.internal() ? noteText() : sendText()),
      enabled: () => this.hasText() || this.files().length > 0,
      busy: this.sending,
      pressed: () => void this.send(),
    });
    this.miniApp.holdSwipesWhile(() => this.hasText() || this.files().length > 0);
  }

  protected async send(): Promise<void> {
    const text = this.body.value.trim();
    const files = this.files();
    if ((!text && files.length === 0) || this.sending()) {
      this.body.markAsTouched();
      return;
    }
    const internal = this.internal();
    this.sending.set(true);
    this.progress.set(null);
    this.form.disable();
    try {
      const message =
        files.length === 0
          ? await this.api.invoke(addTicketMessage$Json, {
              id: this.ticketId(),
              body: internal ? { body: text, internal: true } : { body: text },
            })
          : await uploadWithProgress(
              this.http,
              this.api.rootUrl,
              addTicketMessage$FormData,
              {
                id: this.ticketId(),
                body: {
                  ...(text ? { body: text } : {}),
                  ...(internal ? { internal: 'true' as const } : {}),
                  files: [...files],
                },
              },
              (sent) => this.progress.set(sent),
            );
      this.form.enable();
      this.form.reset();
      this.files.set([]);
      this.sent.emit(message);
      this.miniApp.haptic('success');
      this.snackBar.open(
        this.transloco.translate(internal ? 'tickets.thread.noteAdded' : 'tickets.thread.sent'),
        undefined,
        {
          duration: 4000,
        },
      );
    } catch (error) {
      this.miniApp.haptic('error');
      const text = apiErrorText(error, this.transloco, { 'ticket.closed': 'tickets.thread.closedError' });
      this.snackBar.open(text, this.transloco.translate('common.dismiss'), { duration: 8000 });
      if (apiErrorOf(error).code === 'ticket.closed') {
        this.closed.emit();
      }
    } finally {
      this.form.enable();
      this.sending.set(false);
    }
  }
}
