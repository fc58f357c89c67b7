import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { createTicket, DeskgramApi, type TicketPriority } from '@deskgram/api-client';
import { apiErrorText } from '@deskgram/portal/core';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { PRIORITIES } from '../shared/ticket-values';

export const SUBJECT_MAX = 200;
export const BODY_MAX = 20000;

/** `/client/tickets/new`: subject, description and priority; opens the new ticket once it exists. */
@Component({
  selector: 'dg-new-ticket',
  imports: [
    MatAnchor,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    ReactiveFormsModule,
    RouterLink,
    TranslocoDirective,
  ],
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

  protected readonly priorities = PRIORITIES;
  protected readonly subjectMax = SUBJECT_MAX;
  protected readonly form = new FormGroup({
    subject: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(SUBJECT_MAX)],
    }),
    body: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(BODY_MAX)] }),
    priority: new FormControl<TicketPriority>('normal', { nonNullable: true }),
  });
  protected readonly saving = signal(false);

  protected async submit(): Promise<void> {
    const { subject, body, priority } = this.form.getRawValue();
    if (!subject.trim()) {
      this.form.controls.subject.setValue('');
    }
    if (!body.trim()) {
      this.form.controls.body.setValue('');
    }
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    try {
      const ticket = await this.api.invoke(createTicket, {
        body: { subject: subject.trim(), body: body.trim(), priority },
      });
      this.snackBar.open(this.transloco.translate('tickets.new.created', { number: ticket.number }), undefined, {
        duration: 4000,
      });
      await this.router.navigate(['..', ticket.id], { relativeTo: this.route });
    } catch (error) {
      this.snackBar.open(apiErrorText(error, this.transloco), this.transloco.translate('common.dismiss'), {
        duration: 8000,
      });
    } finally {
      this.saving.set(false);
    }
  }
}
