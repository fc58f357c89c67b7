import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, resource, signal } from '@angular/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { listUsers, updateTicket, type UpdateTicketDto } from '@deskgram/api-client';
import { apiErrorText, RelativeTimePipe } from '@deskgram/portal/core';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { ReplyBox } from '../shared/reply-box';
import { StatusBadge } from '../shared/status-badge';
import { TicketMessages } from '../shared/ticket-messages';
import { TicketPage } from '../shared/ticket-page';
import { TicketPageFrame } from '../shared/ticket-page-frame';
import { PRIORITIES, STATUSES } from '../shared/ticket-values';

/** The assignee select's value for "nobody". */
export const UNASSIGNED = 'none';

/**
 * `/staff/tickets/:id`: the thread with internal notes, a reply box that also writes notes, and a side panel whose
 * status, priority and assignee save as soon as they change.
 */
@Component({
  selector: 'dg-staff-ticket',
  imports: [
    DatePipe,
    MatFormField,
    MatIcon,
    MatLabel,
    MatOption,
    MatSelect,
    RelativeTimePipe,
    ReplyBox,
    RouterLink,
    StatusBadge,
    TicketMessages,
    TicketPageFrame,
    TranslocoDirective,
  ],
  templateUrl: './staff-ticket.html',
  styleUrl: '../shared/ticket-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffTicket extends TicketPage {
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  protected readonly statuses = STATUSES;
  protected readonly priorities = PRIORITIES;
  protected readonly unassigned = UNASSIGNED;
  protected readonly saving = signal(false);
  protected readonly staff = resource({
    loader: () => this.api.invoke(listUsers, { pageSize: 100 }),
  });

  protected setAssignee(value: string): void {
    void this.save({ assigneeId: value === UNASSIGNED ? null : value });
  }

  protected async save(change: UpdateTicketDto): Promise<void> {
    const ticket = this.ticket();
    if (!ticket) {
      return;
    }
    this.saving.set(true);
    try {
      const updated = await this.api.invoke(updateTicket, { id: ticket.id, body: change });
      // The thread on screen may hold messages written here since it loaded; keep them.
      this.ticket.update((current) => ({ ...updated, messages: current?.messages ?? updated.messages }));
      this.snackBar.open(this.transloco.translate('tickets.detail.saved'), undefined, { duration: 4000 });
    } catch (error) {
      // Put the selects back to what the ticket really is.
      this.ticket.set({ ...ticket });
      this.snackBar.open(apiErrorText(error, this.transloco), this.transloco.translate('common.dismiss'), {
        duration: 8000,
      });
    } finally {
      this.saving.set(false);
    }
  }
}
