import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { createTicket$Json, DeskgramApi } from '@deskgram/api-client';
import { apiErrorText } from '@deskgram/portal/core';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { TicketFields } from '../shared/ticket-fields';
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
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  protected readonly form = ticketForm();
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
    try {
      const ticket = await this.api.invoke(createTicket$Json, { body });
      this.snackBar.open(this.transloco.translate('tickets.new.created', { number: ticket.number }), undefined, {
        duration: 4000,
      });
      await this.router.navigate(['..', ticket.id], { relativeTo: this.route });
    } catch (error) {
      this.error.set(apiErrorText(error, this.transloco));
    } finally {
      this.saving.set(false);
    }
  }
}
