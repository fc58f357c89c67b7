import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatAnchor, MatButton, MatIconButton } from '@angular/material/button';
import { MatChipListbox, type MatChipListboxChange, MatChipOption } from '@angular/material/chips';
import { MatFormField, MatLabel, MatPrefix, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { DeskgramApi, listTickets } from '@deskgram/api-client';
import { LanguageStore, RelativeTimePipe } from '@deskgram/portal/core';
import { ListEmpty, ListFrame, ListItems, ListQuery, listResource } from '@deskgram/portal/ui';
import { TranslocoDirective } from '@jsverse/transloco';
import { StatusBadge } from '../shared/status-badge';
import { isStatus, STATUSES } from '../shared/ticket-values';

/** `/client/tickets`: the client's tickets, filtered by status through chips, searchable and paged. */
@Component({
  selector: 'dg-client-ticket-list',
  imports: [
    ListEmpty,
    ListFrame,
    ListItems,
    MatAnchor,
    MatButton,
    MatChipListbox,
    MatChipOption,
    MatFormField,
    MatIcon,
    MatIconButton,
    MatInput,
    MatLabel,
    MatPrefix,
    MatSuffix,
    RelativeTimePipe,
    RouterLink,
    StatusBadge,
    TranslocoDirective,
  ],
  providers: [ListQuery],
  templateUrl: './client-ticket-list.html',
  styleUrl: './client-ticket-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientTicketList {
  private readonly api = inject(DeskgramApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });

  protected readonly query = inject(ListQuery);
  protected readonly language = inject(LanguageStore).language;
  protected readonly statuses = STATUSES;
  protected readonly status = computed(() => {
    const value = this.params().get('status');
    return isStatus(value) ? value : null;
  });

  protected readonly tickets = listResource({
    params: () => ({ status: this.status() }),
    loader: ({ status, search, page, pageSize }) =>
      this.api.invoke(listTickets, {
        status: status ?? undefined,
        search: search || undefined,
        page,
        pageSize,
      }),
  });

  protected filterByStatus(event: MatChipListboxChange): void {
    const value = event.value as string | null | undefined;
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { status: value || null, page: null },
      queryParamsHandling: 'merge',
    });
  }
}
