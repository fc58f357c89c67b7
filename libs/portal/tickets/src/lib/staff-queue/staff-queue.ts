import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, effect, inject, linkedSignal, resource } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatAnchor, MatButton, MatIconButton } from '@angular/material/button';
import { MatChipListbox, type MatChipListboxChange, MatChipOption } from '@angular/material/chips';
import { MatFormField, MatLabel, MatPrefix, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { ActivatedRoute, type Params, Router, RouterLink } from '@angular/router';
import {
  countTickets,
  DeskgramApi,
  listClients,
  listTickets,
  listUsers,
  type TicketListDto,
} from '@deskgram/api-client';
import { AuthStore } from '@deskgram/portal/auth';
import { LanguageStore, ListQuery, PAGE_SIZE_OPTIONS, RelativeTimePipe } from '@deskgram/portal/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { map } from 'rxjs';
import { StatusBadge } from '../shared/status-badge';
import { isPriority, isStatus, PRIORITIES, STATUSES } from '../shared/ticket-values';

/** Below this width a ticket's row keeps only what matters most. */
export const COMPACT_LAYOUT = '(max-width: 719.98px)';

type View = 'loading' | 'error' | 'empty' | 'list';

/**
 * `/staff`: the queue. Counts per status filter the list; priority, assignee ("Unassigned", "Mine", a person) and
 * client narrow it further; everything lives in the address.
 */
@Component({
  selector: 'dg-staff-queue',
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
    MatOption,
    MatPaginator,
    MatPrefix,
    MatProgressBar,
    MatSelect,
    MatSuffix,
    RelativeTimePipe,
    RouterLink,
    StatusBadge,
    TranslocoDirective,
  ],
  providers: [ListQuery],
  templateUrl: './staff-queue.html',
  styleUrl: './staff-queue.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffQueue {
  private readonly api = inject(DeskgramApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly auth = inject(AuthStore);
  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });

  protected readonly query = inject(ListQuery);
  protected readonly language = inject(LanguageStore).language;
  protected readonly pageSizeOptions = PAGE_SIZE_OPTIONS;
  protected readonly statuses = STATUSES;
  protected readonly priorities = PRIORITIES;
  protected readonly compact = toSignal(
    inject(BreakpointObserver)
      .observe(COMPACT_LAYOUT)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  protected readonly status = computed(() => {
    const value = this.params().get('status');
    return isStatus(value) ? value : null;
  });
  protected readonly priority = computed(() => {
    const value = this.params().get('priority');
    return isPriority(value) ? value : null;
  });
  /** `none`, `mine` or a staff user's id. */
  protected readonly assignee = computed(() => this.params().get('assignee') ?? '');
  protected readonly clientId = computed(() => this.params().get('client') ?? '');

  /** The filters other than the status, as the API reads them. */
  private readonly filters = computed(() => {
    const assignee = this.assignee();
    return {
      priority: this.priority() ?? undefined,
      assigneeId: assignee === 'mine' ? this.auth.user()?.id : assignee || undefined,
      clientId: this.clientId() || undefined,
      search: this.query.search() || undefined,
    };
  });

  protected readonly counts = resource({
    params: () => this.filters(),
    loader: ({ params }) => this.api.invoke(countTickets, params),
  });
  protected readonly tickets = resource({
    params: () => ({
      ...this.filters(),
      status: this.status() ?? undefined,
      page: this.query.page(),
      pageSize: this.query.pageSize(),
    }),
    loader: ({ params }) => this.api.invoke(listTickets, params),
  });
  protected readonly staff = resource({
    loader: () => this.api.invoke(listUsers, { pageSize: 100 }),
  });
  protected readonly clients = resource({
    loader: () => this.api.invoke(listClients, { pageSize: 100 }),
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
  protected readonly filtered = computed(
    () => !!(this.status() || this.priority() || this.assignee() || this.clientId() || this.query.search()),
  );
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
    this.setFilters({ status: (event.value as string | undefined) || null });
  }

  protected setFilter(name: 'priority' | 'assignee' | 'client', value: string | null): void {
    this.setFilters({ [name]: value || null });
  }

  protected clearFilters(): void {
    this.query.clearSearch();
    this.setFilters({ status: null, priority: null, assignee: null, client: null });
  }

  protected changePage(event: PageEvent): void {
    void this.query.setPage(event.pageIndex + 1, event.pageSize);
  }

  private setFilters(queryParams: Params): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { ...queryParams, page: null },
      queryParamsHandling: 'merge',
    });
  }
}
