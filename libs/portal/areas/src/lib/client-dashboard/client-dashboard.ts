import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatCard } from '@angular/material/card';
import { AuthStore } from '@deskgram/portal/auth';
import { TranslocoDirective } from '@jsverse/transloco';
import { EmptyState } from '../empty-state/empty-state';
import { TelegramCard } from '../telegram-card/telegram-card';

/** The client's start page: their open tickets, unpaid invoices and the Telegram card. */
@Component({
  selector: 'dg-client-dashboard',
  imports: [EmptyState, MatCard, TelegramCard, TranslocoDirective],
  templateUrl: './client-dashboard.html',
  styleUrl: './client-dashboard.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientDashboard {
  protected readonly user = inject(AuthStore).user;
}
