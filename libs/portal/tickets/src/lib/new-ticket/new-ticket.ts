import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { DeskgramApi } from '@deskgram/api-client';
import { apiErrorText } from '@deskgram/portal/core';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
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
      this.snackBar.open(this.transloco.translate('tickets.new.created', { number: ticket.number }), undefined, {
        duration: 4000,
      });
      await this.router.navigate(['..', ticket.id], { relativeTo: this.route });
    } catch (error) {
      this.error.set(apiErrorText(error, this.transloco));
    } finally {
      this.form.enable();
      this.saving.set(false);
    }
  }
}
