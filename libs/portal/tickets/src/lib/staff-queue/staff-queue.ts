import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, resource } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatAnchor, MatButton, MatIconButton } from '@angular/material/button';
import { MatChipListbox, type MatChipListboxChange, MatChipOption } from '@angular/material/chips';
import { MatFormField, MatLabel, MatPrefix, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { ActivatedRoute, type Params, Router, RouterLink } from '@angular/router';
import { countTickets, DeskgramApi, listClients, listTickets, listUsers } from '@deskgram/api-client';
import { AuthStore } from '@deskgram/portal/auth';
import { LanguageStore, RelativeTimePipe } from '@deskgram/portal/core';
import { ListEmpty, ListFrame, ListItems, ListQuery, listResource } from '@deskgram/portal/ui';
import { TranslocoDirective } from '@jsverse/transloco';
import { map } from 'rxjs';
import { StatusBadge } from '../shared/status-badge';
import { isPriority, isStatus, PRIORITIES, STATUSES } from '../shared/ticket-values';

/** Below this width a ticket's row keeps only what matters most. */
export const COMPACT_LAYOUT = '(max-width: 719.98px)';

/**
 * `/staff`: the queue. Counts per status filter the list; priority, assignee ("Unassigned", "Mine", a person) and
 * client narrow it further; everything lives in the address.
 */
@Component({
  selector: 'dg-staff-queue',
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
    MatOption,
    MatPrefix,
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
  protected readonly tickets = listResource({
    params: () => ({ ...this.filters(), status: this.status() ?? undefined }),
    loader: ({ search, ...request }) => this.api.invoke(listTickets, { ...request, search: search || undefined }),
  });
  protected readonly staff = resource({
    loader: () => this.api.invoke(listUsers, { pageSize: 100 }),
  });
  protected readonly clients = resource({
    loader: () => this.api.invoke(listClients, { pageSize: 100 }),
  });

  protected readonly filtered = computed(
    () => !!(this.status() || this.priority() || this.assignee() || this.clientId() || this.query.search()),
  );

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

  private setFilters(queryParams: Params): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { ...queryParams, page: null },
      queryParamsHandling: 'merge',
    });
  }
}
