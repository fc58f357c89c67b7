import { ChangeDetectionStrategy, Component, computed, effect, inject, linkedSignal, resource } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
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
import { RouterLink } from '@angular/router';
import { DeskgramApi, type InvoiceListDto, listInvoices } from '@deskgram/api-client';
import { ListQuery, PAGE_SIZE_OPTIONS } from '@deskgram/portal/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { currentLanguage, DayPipe, MoneyPipe } from '../format';
import { InvoiceStatusChip } from '../invoice-status';

type View = 'loading' | 'error' | 'empty' | 'list';

/** `/client/invoices`: the client's own invoices, newest first, paged through the address. */
@Component({
  selector: 'dg-client-invoice-list',
  imports: [
    DayPipe,
    InvoiceStatusChip,
    MatButton,
    MatCell,
    MatCellDef,
    MatColumnDef,
    MatHeaderCell,
    MatHeaderCellDef,
    MatHeaderRow,
    MatHeaderRowDef,
    MatIcon,
    MatPaginator,
    MatProgressBar,
    MatRow,
    MatRowDef,
    MatTable,
    MoneyPipe,
    RouterLink,
    TranslocoDirective,
  ],
  providers: [ListQuery],
  templateUrl: './client-invoice-list.html',
  styleUrl: './client-invoice-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientInvoiceList {
  private readonly api = inject(DeskgramApi);

  protected readonly query = inject(ListQuery);
  protected readonly language = currentLanguage();
  protected readonly pageSizeOptions = PAGE_SIZE_OPTIONS;
  protected readonly columns = ['number', 'status', 'dueDate', 'total'];

  protected readonly invoices = resource({
    params: () => ({ page: this.query.page(), pageSize: this.query.pageSize() }),
    loader: ({ params }) => this.api.invoke(listInvoices, { page: params.page, pageSize: params.pageSize }),
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

  protected changePage(event: PageEvent): void {
    void this.query.setPage(event.pageIndex + 1, event.pageSize);
  }
}
