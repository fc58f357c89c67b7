import { ChangeDetectionStrategy, Component, inject, input, resource, ViewEncapsulation } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { DeskgramApi, getInvoice } from '@deskgram/api-client';
import { apiErrorOf } from '@deskgram/portal/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { currentLanguage, DayPipe, MoneyPipe } from '../format';
import { InvoiceStatusChip } from '../invoice-status';

/**
 * `/client/invoices/:id`: the invoice as a sheet of paper, with a Print button. Its styles are global (under the
 * `dg-invoice-page` element) so that, when printing, they can hide the portal's toolbar and navigation around it.
 */
@Component({
  selector: 'dg-invoice-page',
  imports: [DayPipe, InvoiceStatusChip, MatButton, MatIcon, MoneyPipe, RouterLink, TranslocoDirective],
  templateUrl: './invoice-page.html',
  styleUrl: './invoice-page.scss',
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvoicePage {
  private readonly api = inject(DeskgramApi);

  readonly id = input.required<string>();

  protected readonly language = currentLanguage();
  protected readonly invoice = resource({
    params: () => ({ id: this.id() }),
    loader: ({ params }) => this.api.invoke(getInvoice, { id: params.id }),
  });

  protected notFound(): boolean {
    return apiErrorOf(this.invoice.error()).status === 404;
  }

  protected print(): void {
    window.print();
  }
}
