import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { RelativeTimePipe } from '@deskgram/portal/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { ReplyBox } from '../shared/reply-box';
import { StatusBadge } from '../shared/status-badge';
import { TicketMessages } from '../shared/ticket-messages';
import { TicketPage } from '../shared/ticket-page';
import { TicketPageFrame } from '../shared/ticket-page-frame';

/** `/client/tickets/:id`: the thread, oldest first, with the status and a reply box while the ticket is not closed. */
@Component({
  selector: 'dg-client-ticket',
  imports: [
    DatePipe,
    MatIcon,
    RelativeTimePipe,
    ReplyBox,
    StatusBadge,
    TicketMessages,
    TicketPageFrame,
    TranslocoDirective,
  ],
  templateUrl: './client-ticket.html',
  styleUrl: '../shared/ticket-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientTicket extends TicketPage {}
