import { ChangeDetectionStrategy, Component, computed, effect, inject, linkedSignal, resource } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatAnchor, MatButton, MatIconButton } from '@angular/material/button';
import { MatChipListbox, type MatChipListboxChange, MatChipOption } from '@angular/material/chips';
import { MatFormField, MatLabel, MatPrefix, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { DeskgramApi, listTickets, type TicketListDto } from '@deskgram/api-client';
import { LanguageStore, ListQuery, PAGE_SIZE_OPTIONS, RelativeTimePipe } from '@deskgram/portal/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { StatusBadge } from '../shared/status-badge';
import { isStatus, STATUSES } from '../shared/ticket-values';

type View = 'loading' | 'error' | 'empty' | 'list';

/** `/client/tickets`: the client's tickets, filtered by status through chips, searchable and paged. */
@Component({
  selector: 'dg-client-ticket-list',
  imports: [
    MatAnchor,
    MatButton,
    MatChipListbox,
    MatChipOption,
    MatFormField,
    MatIcon,
    MatIconButton,
    MatInput,
    MatLabel,
    MatPaginator,
    MatPrefix,
    MatProgressBar,
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
  protected readonly pageSizeOptions = PAGE_SIZE_OPTIONS;
  protected readonly statuses = STATUSES;
  protected readonly status = computed(() => {
    const value = this.params().get('status');
    return isStatus(value) ? value : null;
  });

  protected readonly tickets = resource({
    params: () => ({
      status: this.status(),
      search: this.query.search(),
      page: this.query.page(),
      pageSize: this.query.pageSize(),
    }),
    loader: ({ params }) =>
      this.api.invoke(listTickets, {
        status: params.status ?? undefined,
        search: params.search || undefined,
        page: params.page,
        pageSize: params.pageSize,
      }),
  });

  protected readonly shown = linkedSignal<
    { list: TicketListDto | undefined; loading: boolean },
    TicketListDto | undefined
  >({
    source: () => ({
      list: this.tickets.hasValue() ? this.tickets.value() : undefined,
      loading: this.tickets.isLoading(),
    }),
    computation: ({ list, loading }, previous) => list ?? (loading ? previous?.value : undefined),
  });
  protected readonly items = computed(() => this.shown()?.items ?? []);
  protected readonly total = computed(() => this.shown()?.total ?? 0);
  protected readonly view = computed<View>(() => {
    if (this.tickets.status() === 'error') {
      return 'error';
    }
    if (!this.shown()) {
      return 'loading';
    }
    return this.items().length > 0 ? 'list' : 'empty';
  });

  constructor() {
    effect(() => {
      if (this.tickets.hasValue()) {
        this.query.keepPageWithin(this.tickets.value().total);
      }
    });
  }

  protected filterByStatus(event: MatChipListboxChange): void {
    const value = event.value as string | null | undefined;
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { status: value || null, page: null },
      queryParamsHandling: 'merge',
    });
  }

  protected changePage(event: PageEvent): void {
    void this.query.setPage(event.pageIndex + 1, event.pageSize);
  }
}
