import { ChangeDetectionStrategy, Component, computed, inject, resource } from '@angular/core';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatCard, MatCardActions, MatCardContent, MatCardHeader, MatCardTitle } from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { DeskgramApi, listTickets } from '@deskgram/api-client';
import { LanguageStore, RelativeTimePipe } from '@deskgram/portal/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { StatusBadge } from '../shared/status-badge';
import { ACTIVE_STATUSES } from '../shared/ticket-values';

/** How many open tickets the card lists. */
export const OPEN_TICKETS_SHOWN = 5;

/** The client dashboard's card: the open tickets, newest activity first, with links to them. */
@Component({
  selector: 'dg-open-tickets-card',
  imports: [
    MatAnchor,
    MatButton,
    MatCard,
    MatCardActions,
    MatCardContent,
    MatCardHeader,
    MatCardTitle,
    MatIcon,
    RelativeTimePipe,
    RouterLink,
    StatusBadge,
    TranslocoDirective,
  ],
  templateUrl: './open-tickets-card.html',
  styleUrl: './open-tickets-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OpenTicketsCard {
  private readonly api = inject(DeskgramApi);

  protected readonly language = inject(LanguageStore).language;
  /** The API filters by one status at a time; the open ones are few, so one page holds them. */
  protected readonly tickets = resource({
    loader: () => this.api.invoke(listTickets, { pageSize: 100 }),
  });
  protected readonly open = computed(() =>
    this.tickets.hasValue()
      ? this.tickets
          .value()
          .items.filter((ticket) => ACTIVE_STATUSES.includes(ticket.status))
          .slice(0, OPEN_TICKETS_SHOWN)
      : [],
  );
}
