import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type TicketStatus } from '@deskgram/api-client';
import { TranslocoDirective } from '@jsverse/transloco';

/** A ticket's status as a small coloured label. */
@Component({
  selector: 'dg-status-badge',
  imports: [TranslocoDirective],
  template: `<span *transloco="let t; prefix: 'tickets.status'" class="badge" [attr.data-status]="status()">{{
    t(status())
  }}</span>`,
  styleUrl: './status-badge.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusBadge {
  readonly status = input.required<TicketStatus>();
}
