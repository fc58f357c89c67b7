import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { RelativeTimePipe } from '@deskgram/portal/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { ReplyBox } from '../shared/reply-box';
import { StatusBadge } from '../shared/status-badge';
import { TicketMessages } from '../shared/ticket-messages';
import { TicketPage } from '../shared/ticket-page';

/** `/client/tickets/:id`: the thread, oldest first, with the status and a reply box while the ticket is not closed. */
@Component({
  selector: 'dg-client-ticket',
  imports: [
    DatePipe,
    MatAnchor,
    MatButton,
    MatIcon,
    RelativeTimePipe,
    ReplyBox,
    RouterLink,
    StatusBadge,
    TicketMessages,
    TranslocoDirective,
  ],
  templateUrl: './client-ticket.html',
  styleUrl: '../shared/ticket-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientTicket extends TicketPage {}
