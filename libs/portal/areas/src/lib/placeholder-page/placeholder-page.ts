import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatCard } from '@angular/material/card';
import { TranslocoDirective } from '@jsverse/transloco';
import { EmptyState } from '../empty-state/empty-state';

/** The pages whose feature has not arrived yet; each says honestly what will be there. */
export type PlaceholderPageName = 'clientTickets' | 'clientInvoices' | 'staffInvoices' | 'staffDeliveries';

const ICONS: Readonly<Record<PlaceholderPageName, string>> = {
  clientTickets: 'confirmation_number',
  clientInvoices: 'receipt',
  staffInvoices: 'receipt',
  staffDeliveries: 'notifications',
};

/** One page of the map that is still empty. The route says which one through its data: `{ page: 'clientTickets' }`. */
@Component({
  selector: 'dg-placeholder-page',
  imports: [EmptyState, MatCard, TranslocoDirective],
  template: `
    <ng-container *transloco="let t; prefix: 'pages.' + page()">
      <header class="page-header">
        <h1 class="page-title">{{ t('title') }}</h1>
        <p class="page-subtitle">{{ t('subtitle') }}</p>
      </header>
      <mat-card appearance="outlined">
        <dg-empty-state [icon]="icon()" [heading]="t('empty')" [message]="t('message')" />
      </mat-card>
    </ng-container>
  `,
  styleUrl: '../_page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlaceholderPage {
  readonly page = input.required<PlaceholderPageName>();

  protected readonly icon = computed(() => ICONS[this.page()]);
}
