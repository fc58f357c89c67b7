import { BreakpointObserver } from '@angular/cdk/layout';
import { DatePipe, NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  InjectionToken,
  linkedSignal,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatChipListbox, type MatChipListboxChange, MatChipOption } from '@angular/material/chips';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  MatCell,
  MatCellDef,
  MatColumnDef,
  MatHeaderCell,
  MatHeaderCellDef,
  MatHeaderRow,
  MatHeaderRowDef,
  MatRow,
  MatRowDef,
  MatTable,
} from '@angular/material/table';
import { ActivatedRoute, type Params, Router } from '@angular/router';
import {
  type DeliveryDto,
  type DeliveryStatus,
  DeskgramApi,
  listDeliveries,
  type NotificationKind,
  retryDelivery,
} from '@deskgram/api-client';
import { apiErrorText, LanguageStore, RelativeTimePipe } from '@deskgram/portal/core';
import { ListEmpty, ListFrame, ListItems, ListQuery, listResource } from '@deskgram/portal/ui';
import { TranslocoDirective, TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { map } from 'rxjs';
import { DeliveryStatusChip } from '../delivery-status-chip';

/**
 * Below this width the table's columns no longer fit beside the navigation (264 px, on the page from 960 px), and each
 * delivery becomes a card.
 */
export const COMPACT_LAYOUT = '(max-width: 1199.98px)';

/** How often the log asks again while something is still on its way. A token so tests need not wait 10 s. */
export const DELIVERY_REFRESH_MS = new InjectionToken<number>('DELIVERY_REFRESH_MS', {
  providedIn: 'root',
  factory: () => 10_000,
});

/** The status chips, "All" first. `sending` lasts a moment and has no chip; it still shows on its rows. */
export const STATUS_FILTERS: readonly DeliveryStatus[] = ['pending', 'sent', 'failed', 'cancelled'];

// Records rather than arrays, so that a status or kind the API adds fails the type check until it is listed here.
const DELIVERY_STATUSES: Readonly<Record<DeliveryStatus, true>> = {
  pending: true,
  sending: true,
  sent: true,
  failed: true,
  cancelled: true,
};
const NOTIFICATION_KINDS: Readonly<Record<NotificationKind, true>> = {
  ticket_created: true,
  ticket_reply: true,
  ticket_status: true,
  ticket_assigned: true,
  invoice_issued: true,
  invoice_overdue: true,
  invoice_paid: true,
  custom_message: true,
};
export const KINDS = Object.keys(NOTIFICATION_KINDS) as readonly NotificationKind[];

function isStatus(value: string | null): value is DeliveryStatus {
  return value !== null && Object.hasOwn(DELIVERY_STATUSES, value);
}

function isKind(value: string | null): value is NotificationKind {
  return value !== null && Object.hasOwn(NOTIFICATION_KINDS, value);
}

/** Still to go out: the log keeps asking until these settle. */
function inFlight(delivery: DeliveryDto): boolean {
  return delivery.status === 'pending' || delivery.status === 'sending';
}

/** What staff can send again: the API refuses anything else. */
function retryable(delivery: DeliveryDto): boolean {
  return delivery.status === 'failed' || delivery.status === 'cancelled';
}

/**
 * `/staff/deliveries`: every notification the portal sent or tried to send on Telegram, newest first, with its state,
 * attempts and last error. Filters and the page live in the address; failed and cancelled messages can be sent again.
 */
@Component({
  selector: 'dg-delivery-log',
  imports: [
    NgTemplateOutlet,
    ListEmpty,
    ListFrame,
    ListItems,
    DatePipe,
    DeliveryStatusChip,
    MatButton,
    MatCell,
    MatCellDef,
    MatChipListbox,
    MatChipOption,
    MatColumnDef,
    MatFormField,
    MatHeaderCell,
    MatHeaderCellDef,
    MatHeaderRow,
    MatHeaderRowDef,
    MatIcon,
    MatLabel,
    MatOption,
    MatRow,
    MatRowDef,
    MatSelect,
    MatTable,
    RelativeTimePipe,
    TranslocoDirective,
    TranslocoPipe,
  ],
  providers: [ListQuery],
  templateUrl: './delivery-log.html',
  styleUrl: './delivery-log.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeliveryLog {
  private readonly api = inject(DeskgramApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly refreshMs = inject(DELIVERY_REFRESH_MS);
  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });

  protected readonly query = inject(ListQuery);
  protected readonly language = inject(LanguageStore).language;
  protected readonly statusFilters = STATUS_FILTERS;
  protected readonly kinds = KINDS;
  protected readonly columns = ['status', 'notification', 'recipient', 'message', 'created', 'actions'];
  protected readonly retryable = retryable;
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
  protected readonly kind = computed(() => {
    const value = this.params().get('kind');
    return isKind(value) ? value : null;
  });
  /** Deliveries with a retry on its way; their buttons wait for the answer. */
  protected readonly retrying = signal<ReadonlySet<string>>(new Set());

  private readonly listParams = computed(() => ({
    status: this.status() ?? undefined,
    kind: this.kind() ?? undefined,
    page: this.query.page(),
    pageSize: this.query.pageSize(),
  }));
  protected readonly deliveries = listResource({
    params: () => ({ status: this.status() ?? undefined, kind: this.kind() ?? undefined }),
    loader: ({ status, kind, page, pageSize }) => this.api.invoke(listDeliveries, { status, kind, page, pageSize }),
  });

  /**
   * The automatic refresh runs quietly: a progress bar and a dimmed list every ten seconds would only distract.
   * Another filter or page, or the person's own "Refresh", loads visibly again.
   */
  protected readonly quiet = linkedSignal({ source: this.listParams, computation: () => false });
  protected readonly busy = computed(() => this.deliveries.loading() && !this.quiet());

  /** When the list on screen arrived: "5 min ago" counts from the answer, so it moves on with every refresh. */
  protected readonly now = computed(() => {
    this.deliveries.value();
    return Date.now();
  });
  protected readonly filtered = computed(() => this.status() !== null || this.kind() !== null);

  constructor() {
    effect(() => {
      if (!this.deliveries.loading()) {
        this.quiet.set(false);
      }
    });

    // Each answer (or a row changed by a retry) is a new value, so the effect runs again and plans the next refresh;
    // leaving the page, an error or a list with nothing on its way ends it.
    effect((onCleanup) => {
      if (!this.deliveries.resource.hasValue() || !this.deliveries.resource.value().items.some(inFlight)) {
        return;
      }
      const timer = setTimeout(() => {
        this.quiet.set(true);
        this.deliveries.reload();
      }, this.refreshMs);
      onCleanup(() => clearTimeout(timer));
    });
  }

  protected refresh(): void {
    this.quiet.set(false);
    this.deliveries.reload();
  }

  protected filterByStatus(event: MatChipListboxChange): void {
    const value = event.value as string | undefined;
    if (value === undefined) {
      // The chosen chip was clicked again: the listbox let it go, but a filter is always chosen.
      event.source.value = this.status() ?? '';
      return;
    }
    this.setFilters({ status: value || null });
  }

  protected filterByKind(value: string): void {
    this.setFilters({ kind: value || null });
  }

  protected clearFilters(): void {
    this.setFilters({ status: null, kind: null });
  }

  protected async retry(delivery: DeliveryDto): Promise<void> {
    this.retrying.update((ids) => new Set(ids).add(delivery.id));
    try {
      const updated = await this.api.invoke(retryDelivery, { id: delivery.id });
      // The API answers with the delivery as it is now, pending: the row changes in place, and the refresh that
      // follows pending rows shows when it went out.
      this.deliveries.resource.update(
        (list) => list && { ...list, items: list.items.map((item) => (item.id === updated.id ? updated : item)) },
      );
      this.say(this.transloco.translate('deliveries.retried', { name: delivery.recipient.displayName }));
    } catch (error) {
      this.say(apiErrorText(error, this.transloco), true);
    } finally {
      this.retrying.update((ids) => {
        const rest = new Set(ids);
        rest.delete(delivery.id);
        return rest;
      });
    }
  }

  private setFilters(queryParams: Params): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { ...queryParams, page: null },
      queryParamsHandling: 'merge',
    });
  }

  /** A refusal stays longer, with a button to dismiss it: the person has to read why nothing changed. */
  private say(message: string, refusal = false): void {
    this.snackBar.open(
      message,
      refusal ? this.transloco.translate('common.dismiss') : undefined,
      refusal ? { duration: 10_000 } : { duration: 4000 },
    );
  }
}
