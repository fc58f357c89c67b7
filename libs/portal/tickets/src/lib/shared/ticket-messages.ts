import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { type TicketMessageDto } from '@deskgram/api-client';
import { LanguageStore, RelativeTimePipe } from '@deskgram/portal/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { MessageAttachments } from './attachments/message-attachments';

/**
 * The thread of a ticket, oldest first: the client's messages, support's replies and, for staff, internal notes,
 * each with its files.
 */
@Component({
  selector: 'dg-ticket-messages',
  imports: [DatePipe, MatIcon, MessageAttachments, RelativeTimePipe, TranslocoDirective],
  templateUrl: './ticket-messages.html',
  styleUrl: './ticket-messages.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TicketMessages {
  readonly messages = input.required<readonly TicketMessageDto[]>();

  protected readonly language = inject(LanguageStore).language;
}
