import { ChangeDetectionStrategy, Component, effect, input, model } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { TranslocoDirective } from '@jsverse/transloco';
import { FilePicker } from './attachments/file-picker';
import { UploadProgress } from './attachments/upload-progress';
import { SUBJECT_MAX, type TicketForm } from './ticket-form';
import { PRIORITIES } from './ticket-values';

/**
 * The subject, description, priority and files of a new ticket; the client's form and the staff's share them. The
 * description is optional when files are attached.
 */
@Component({
  selector: 'dg-ticket-fields',
  imports: [
    FilePicker,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    ReactiveFormsModule,
    TranslocoDirective,
    UploadProgress,
  ],
  templateUrl: './ticket-fields.html',
  styleUrl: './ticket-fields.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TicketFields {
  readonly form = input.required<TicketForm>();
  /** Who writes: a client describes their own problem, staff what the client told them. */
  readonly author = input<'client' | 'staff'>('client');

  /** The files to attach; the form's `ticketForm(files)` reads them to decide whether the description is required. */
  readonly files = model<readonly File[]>([]);
  /** While the ticket is being sent: the part of the files sent (0 to 1), null while unknown. */
  readonly sending = input(false);
  readonly progress = input<number | null>(null);

  protected readonly priorities = PRIORITIES;

  constructor() {
    effect(() => {
      this.files();
      this.form().controls.body.updateValueAndValidity();
    });
  }
  protected readonly subjectMax = SUBJECT_MAX;
}
