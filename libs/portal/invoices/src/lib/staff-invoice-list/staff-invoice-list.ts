import { ChangeDetectionStrategy, Component, computed, effect, inject, linkedSignal, resource } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
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
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { DeskgramApi, type InvoiceListDto, type InvoiceStatus, listClients, listInvoices } from '@deskgram/api-client';
import { ListQuery, PAGE_SIZE_OPTIONS } from '@deskgram/portal/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { currentLanguage, DayPipe, MoneyPipe } from '../format';
import { InvoiceStatusChip } from '../invoice-status';

export const INVOICE_STATUSES: readonly InvoiceStatus[] = ['draft', 'issued', 'overdue', 'paid', 'void'];

type View = 'loading' | 'error' | 'empty' | 'list';

/** `/staff/invoices`: every invoice, filtered by status and client through the address; "New invoice". */
@Component({
  selector: 'dg-staff-invoice-list',
  imports: [
    DayPipe,
    InvoiceStatusChip,
    MatButton,
    MatCell,
    MatCellDef,
    MatColumnDef,
    MatFormField,
    MatHeaderCell,
    MatHeaderCellDef,
    MatHeaderRow,
    MatHeaderRowDef,
    MatIcon,
    MatLabel,
    MatOption,
    MatPaginator,
    MatProgressBar,
    MatRow,
    MatRowDef,
    MatSelect,
    MatTable,
    MoneyPipe,
    RouterLink,
    TranslocoDirective,
  ],
  providers: [ListQuery],
  templateUrl: './staff-invoice-list.html',
  styleUrl: './staff-invoice-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffInvoiceList {
  private readonly api = inject(DeskgramApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });

  protected readonly query = inject(ListQuery);
  protected readonly language = currentLanguage();
  protected readonly pageSizeOptions = PAGE_SIZE_OPTIONS;
  protected readonly statuses = INVOICE_STATUSES;
  protected readonly columns = ['number', 'client', 'status', 'dueDate', 'total'];

  protected readonly status = computed(() => {
    const value = this.params().get('status');
    return INVOICE_STATUSES.find((status) => status === value) ?? null;
  });
  protected readonly clientId = computed(() => this.params().get('clientId') || null);

  protected readonly clients = resource({
    loader: () => this.api.invoke(listClients, { pageSize: 100 }),
  });

  protected readonly invoices = resource({
    params: () => ({
      status: this.status(),
      clientId: this.clientId(),
      page: this.query.page(),
      pageSize: this.query.pageSize(),
    }),
    loader: ({ params }) =>
      this.api.invoke(listInvoices, {
        status: params.status ?? undefined,
        clientId: params.clientId ?? undefined,
        page: params.page,
        pageSize: params.pageSize,
      }),
  });

  protected readonly shown = linkedSignal<
    { list: InvoiceListDto | undefined; loading: boolean },
    InvoiceListDto | undefined
  >({
    source: () => ({
      list: this.invoices.hasValue() ? this.invoices.value() : undefined,
      loading: this.invoices.isLoading(),
    }),
    computation: ({ list, loading }, previous) => list ?? (loading ? previous?.value : undefined),
  });
  protected readonly items = computed(() => this.shown()?.items ?? []);
  protected readonly total = computed(() => this.shown()?.total ?? 0);
  protected readonly filtered = computed(() => this.status() !== null || this.clientId() !== null);
  protected readonly view = computed<View>(() => {
    if (this.invoices.status() === 'error') {
      return 'error';
    }
    if (!this.shown()) {
      return 'loading';
    }
    return this.items().length > 0 ? 'list' : 'empty';
  });

  constructor() {
    effect(() => {
      if (this.invoices.hasValue()) {
        this.query.keepPageWithin(this.invoices.value().total);
      }
    });
  }

  protected filter(name: 'status' | 'clientId', value: string | null): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { [name]: value || null, page: null },
      queryParamsHandling: 'merge',
    });
  }

  protected clearFilters(): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { status: null, clientId: null, page: null },
      queryParamsHandling: 'merge',
    });
  }

  protected changePage(event: PageEvent): void {
    void this.query.setPage(event.pageIndex + 1, event.pageSize);
  }
}
