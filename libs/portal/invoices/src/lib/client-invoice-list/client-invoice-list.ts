import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
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
import { DeskgramApi, listInvoices } from '@deskgram/api-client';
import { ListEmpty, ListFrame, ListItems, ListQuery, listResource } from '@deskgram/portal/ui';
import { TranslocoDirective } from '@jsverse/transloco';
import { currentLanguage, DayPipe, MoneyPipe } from '../format';
import { InvoiceStatusChip } from '../invoice-status';

/** `/client/invoices`: the client's own invoices, newest first, paged through the address. */
@Component({
  selector: 'dg-client-invoice-list',
  imports: [
    ListEmpty,
    ListFrame,
    ListItems,
    DayPipe,
    InvoiceStatusChip,
    MatCell,
    MatCellDef,
    MatColumnDef,
    MatHeaderCell,
    MatHeaderCellDef,
    MatHeaderRow,
    MatHeaderRowDef,
    MatIcon,
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
  protected readonly columns = ['number', 'status', 'dueDate', 'total'];

  protected readonly invoices = listResource({
    loader: ({ page, pageSize }) => this.api.invoke(listInvoices, { page, pageSize }),
  });
}
