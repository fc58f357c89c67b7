import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, resource, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  type ValidationErrors,
} from '@angular/forms';
import { MatAutocomplete, MatAutocompleteTrigger, MatOption } from '@angular/material/autocomplete';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { type ClientSummaryDto, DeskgramApi, listClients } from '@deskgram/api-client';
import { apiErrorText, type ErrorTexts } from '@deskgram/portal/core';
import { MiniApp } from '@deskgram/portal/mini-app';
import { SEARCH_DEBOUNCE_MS } from '@deskgram/portal/ui';
import { translateSignal, TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { debounceTime, distinctUntilChanged, filter, map } from 'rxjs';
import { formSignal } from '../shared/mini-app-form';
import { TicketFields } from '../shared/ticket-fields';
import { openTicket } from '../shared/open-ticket';
import { ticketForm, ticketFormValue } from '../shared/ticket-form';

/** How many clients the picker offers for what has been typed. */
export const CLIENT_OPTIONS = 20;

/** The API's refusals the form can explain better than the API's own sentence. */
const ERROR_CODES: ErrorTexts = {
  'ticket.client_required': 'tickets.staffNew.clientRequired',
  'ticket.client_unknown': 'tickets.staffNew.clientUnknown',
};

/** A client counts only once picked from the list; typed text alone is a search. */
function pickedClient(control: AbstractControl<ClientSummaryDto | string>): ValidationErrors | null {
  const value = control.value;
  if (typeof value === 'object' && value !== null) {
    return null;
  }
  return value.trim() === '' ? { required: true } : { notPicked: true };
}

/**
 * `/staff/tickets/new`: a ticket opened for a client, e.g. after a phone call. The same subject, description and
 * priority as the client's form, and the client, searched by name.
 */
@Component({
  selector: 'dg-staff-new-ticket',
  imports: [
    MatAnchor,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatInput,
    MatLabel,
    MatOption,
    MatPrefix,
    ReactiveFormsModule,
    RouterLink,
    TicketFields,
    TranslocoDirective,
  ],
  templateUrl: './staff-new-ticket.html',
  // The same frame as the client's form, so that both pages look alike.
  styleUrls: ['../new-ticket/new-ticket.scss', './staff-new-ticket.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffNewTicket {
  private readonly api = inject(DeskgramApi);
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  protected readonly client = new FormControl<ClientSummaryDto | string>('', {
    nonNullable: true,
    validators: [pickedClient],
  });
  protected readonly files = signal<readonly File[]>([]);
  protected readonly ticket = ticketForm(this.files);
  protected readonly form = new FormGroup({ client: this.client, ticket: this.ticket });
  protected readonly saving = signal(false);
  /** The part of the files sent, 0 to 1; null while unknown. */
  protected readonly progress = signal<number | null>(null);
  /** Why the API refused the ticket; shown in the form, next to what has to change. */
  protected readonly error = signal<string | null>(null);

  /** What has been typed into the client field, once typing pauses. */
  private readonly search = toSignal(
    this.client.valueChanges.pipe(
      filter((value): value is string => typeof value === 'string'),
      map((value) => value.trim()),
      debounceTime(SEARCH_DEBOUNCE_MS),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  protected readonly clients = resource({
    params: () => ({ search: this.search() }),
    loader: ({ params }) =>
      this.api.invoke(listClients, { search: params.search || undefined, pageSize: CLIENT_OPTIONS }),
  });

  /** Inside Telegram, its Main button creates the ticket, and the page's own button is hidden. */
  protected readonly miniApp = inject(MiniApp);

  constructor() {
    const valid = formSignal(this.form, () => this.form.valid);
    this.miniApp.useMainButton({
      text: translateSignal('tickets.staffNew.submit'),
      enabled: valid,
      busy: this.saving,
      pressed: () => void this.submit(),
    });
    const { subject, body } = this.ticket.controls;
    const hasText = formSignal(this.form, () => subject.value.trim() !== '' || body.value.trim() !== '');
    this.miniApp.holdSwipesWhile(() => hasText() || this.files().length > 0);
  }

  protected readonly clientName = (client: ClientSummaryDto | string | null): string =>
    typeof client === 'string' ? client : (client?.name ?? '');

  protected async submit(): Promise<void> {
    const body = ticketFormValue(this.ticket);
    const client = this.client.value;
    if (this.form.invalid || typeof client === 'string' || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    this.progress.set(null);
    this.form.disable();
    try {
      const ticket = await openTicket(this.api, this.http, { ...body, clientId: client.id }, this.files(), (sent) =>
        this.progress.set(sent),
      );
      this.snackBar.open(
        this.transloco.translate('tickets.staffNew.created', { number: ticket.number, client: client.name }),
        undefined,
        { duration: 4000 },
      );
      this.miniApp.haptic('success');
      await this.router.navigate(['..', ticket.id], { relativeTo: this.route });
    } catch (error) {
      this.miniApp.haptic('error');
      this.error.set(apiErrorText(error, this.transloco, ERROR_CODES));
    } finally {
      this.form.enable();
      this.saving.set(false);
    }
  }
}
