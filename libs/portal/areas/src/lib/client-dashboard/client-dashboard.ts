import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { AuthStore } from '@deskgram/portal/auth';
import { UnpaidInvoicesCard } from '@deskgram/portal/invoices';
import { TelegramCard } from '@deskgram/portal/telegram/card';
import { OpenTicketsCard } from '@deskgram/portal/tickets';
import { TranslocoDirective } from '@jsverse/transloco';

/** The client's start page: their open tickets, unpaid invoices and the Telegram card. */
@Component({
  selector: 'dg-client-dashboard',
  imports: [OpenTicketsCard, TelegramCard, TranslocoDirective, UnpaidInvoicesCard],
  templateUrl: './client-dashboard.html',
  styleUrl: './client-dashboard.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientDashboard {
  protected readonly user = inject(AuthStore).user;
}
