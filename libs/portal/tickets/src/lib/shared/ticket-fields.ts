import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { TranslocoDirective } from '@jsverse/transloco';
import { SUBJECT_MAX, type TicketForm } from './ticket-form';
import { PRIORITIES } from './ticket-values';

/** The subject, description and priority of a new ticket; the client's form and the staff's share them. */
@Component({
  selector: 'dg-ticket-fields',
  imports: [
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    ReactiveFormsModule,
    TranslocoDirective,
  ],
  templateUrl: './ticket-fields.html',
  styleUrl: './ticket-fields.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TicketFields {
  readonly form = input.required<TicketForm>();
  /** Who writes: a client describes their own problem, staff what the client told them. */
  readonly author = input<'client' | 'staff'>('client');

  protected readonly priorities = PRIORITIES;
  protected readonly subjectMax = SUBJECT_MAX;
}
