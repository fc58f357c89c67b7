import { ChangeDetectionStrategy, Component, computed, inject, resource } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
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
import { DeskgramApi, type InvoiceStatus, listClients, listInvoices } from '@deskgram/api-client';
import { ListEmpty, ListFrame, ListItems, ListQuery, listResource } from '@deskgram/portal/ui';
import { TranslocoDirective } from '@jsverse/transloco';
import { currentLanguage, DayPipe, MoneyPipe } from '../format';
import { InvoiceStatusChip } from '../invoice-status';

export const INVOICE_STATUSES: readonly InvoiceStatus[] = ['draft', 'issued', 'overdue', 'paid', 'void'];

/** `/staff/invoices`: every invoice, filtered by status and client through the address; "New invoice". */
@Component({
  selector: 'dg-staff-invoice-list',
  imports: [
    ListEmpty,
    ListFrame,
    ListItems,
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

  protected readonly invoices = listResource({
    params: () => ({ status: this.status(), clientId: this.clientId() }),
    loader: ({ status, clientId, page, pageSize }) =>
      this.api.invoke(listInvoices, {
        status: status ?? undefined,
        clientId: clientId ?? undefined,
        page,
        pageSize,
      }),
  });

  protected readonly filtered = computed(() => this.status() !== null || this.clientId() !== null);

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
}
