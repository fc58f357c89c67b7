import { ChangeDetectionStrategy, Component, computed, inject, resource } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardActions, MatCardContent, MatCardHeader, MatCardTitle } from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { DeskgramApi, listInvoices } from '@deskgram/api-client';
import { TranslocoDirective } from '@jsverse/transloco';
import { currentLanguage, DayPipe, MoneyPipe } from '../format';
import { InvoiceStatusChip } from '../invoice-status';

/** For the client's dashboard: the invoices still to pay (issued and overdue), each linking to its page. */
@Component({
  selector: 'dg-unpaid-invoices-card',
  imports: [
    DayPipe,
    InvoiceStatusChip,
    MatButton,
    MatCard,
    MatCardActions,
    MatCardContent,
    MatCardHeader,
    MatCardTitle,
    MatIcon,
    MoneyPipe,
    RouterLink,
    TranslocoDirective,
  ],
  templateUrl: './unpaid-invoices-card.html',
  styleUrl: './unpaid-invoices-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UnpaidInvoicesCard {
  private readonly api = inject(DeskgramApi);

  protected readonly language = currentLanguage();
  protected readonly invoices = resource({
    loader: async () => {
      const [overdue, issued] = await Promise.all([
        this.api.invoke(listInvoices, { status: 'overdue', pageSize: 10 }),
        this.api.invoke(listInvoices, { status: 'issued', pageSize: 10 }),
      ]);
      return [...overdue.items, ...issued.items];
    },
  });
  protected readonly items = computed(() => (this.invoices.hasValue() ? this.invoices.value() : []));
}
