import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { DeskgramApi } from '@deskgram/api-client';
import { apiErrorText } from '@deskgram/portal/core';
import { MiniApp } from '@deskgram/portal/mini-app';
import { translateSignal, TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { formSignal } from '../shared/mini-app-form';
import { TicketFields } from '../shared/ticket-fields';
import { openTicket } from '../shared/open-ticket';
import { ticketForm, ticketFormValue } from '../shared/ticket-form';

/** `/client/tickets/new`: subject, description and priority; opens the new ticket once it exists. */
@Component({
  selector: 'dg-new-ticket',
  imports: [MatAnchor, MatButton, MatIcon, ReactiveFormsModule, RouterLink, TicketFields, TranslocoDirective],
  templateUrl: './new-ticket.html',
  styleUrl: './new-ticket.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NewTicket {
  private readonly api = inject(DeskgramApi);
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  protected readonly files = signal<readonly File[]>([]);
  protected readonly form = ticketForm(this.files);
  /** The part of the files sent, 0 to 1; null while unknown. */
  protected readonly progress = signal<number | null>(null);
  protected readonly saving = signal(false);
  /** Why the API refused the ticket; shown in the form, next to what has to change. */
  protected readonly error = signal<string | null>(null);
  /** Inside Telegram, its Main button creates the ticket, and the page's own button is hidden. */
  protected readonly miniApp = inject(MiniApp);

  constructor() {
    const valid = formSignal(this.form, () => this.form.valid);
    this.miniApp.useMainButton({
      text: translateSignal('tickets.new.submit'),
      enabled: valid,
      busy: this.saving,
      pressed: () => void this.submit(),
    });
    const { subject, body } = this.form.controls;
    const hasText = formSignal(this.form, () => subject.value.trim() !== '' || body.value.trim() !== '');
    this.miniApp.holdSwipesWhile(() => hasText() || this.files().length > 0);
  }

  protected async submit(): Promise<void> {
    const body = ticketFormValue(this.form);
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    this.progress.set(null);
    this.form.disable();
    try {
      const ticket = await openTicket(this.api, this.http, body, this.files(), (sent) => this.progress.set(sent));
      this.miniApp.haptic('success');
      this.snackBar.open(this.transloco.translate('tickets.new.created', { number: ticket.number }), undefined, {
        duration: 4000,
      });
      await this.router.navigate(['..', ticket.id], { relativeTo: this.route });
    } catch (error) {
      this.miniApp.haptic('error');
      this.error.set(apiErrorText(error, this.transloco));
    } finally {
      this.form.enable();
      this.saving.set(false);
    }
  }
}
