import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { addTicketMessage$Json, DeskgramApi, type TicketMessageDto } from '@deskgram/api-client';
import { apiErrorOf, apiErrorText } from '@deskgram/portal/core';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';

export type ReplyKind = 'public' | 'internal';

/** Writes a message on a ticket; staff choose between a public reply and an internal note. */
@Component({
  selector: 'dg-reply-box',
  imports: [
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
  ],
  templateUrl: './reply-box.html',
  styleUrl: './reply-box.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReplyBox {
  private readonly api = inject(DeskgramApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  readonly ticketId = input.required<string>();
  /** Staff may write internal notes. */
  readonly allowInternal = input(false);
  readonly sent = output<TicketMessageDto>();
  /** The ticket turned out to be closed. */
  readonly closed = output<void>();

  protected readonly form = new FormGroup({
    body: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(20000)] }),
  });
  protected readonly body = this.form.controls.body;
  protected readonly kind = signal<ReplyKind>('public');
  protected readonly sending = signal(false);

  protected async send(): Promise<void> {
    const text = this.body.value.trim();
    if (!text || this.sending()) {
      this.body.markAsTouched();
      return;
    }
    const internal = this.allowInternal() && this.kind() === 'internal';
    this.sending.set(true);
    try {
      const message = await this.api.invoke(addTicketMessage$Json, {
        id: this.ticketId(),
        body: internal ? { body: text, internal: true } : { body: text },
      });
      this.form.reset();
      this.sent.emit(message);
      this.snackBar.open(
        this.transloco.translate(internal ? 'tickets.thread.noteAdded' : 'tickets.thread.sent'),
        undefined,
        {
          duration: 4000,
        },
      );
    } catch (error) {
      const text = apiErrorText(error, this.transloco, { 'ticket.closed': 'tickets.thread.closedError' });
      this.snackBar.open(text, this.transloco.translate('common.dismiss'), { duration: 8000 });
      if (apiErrorOf(error).code === 'ticket.closed') {
        this.closed.emit();
      }
    } finally {
      this.sending.set(false);
    }
  }
}
