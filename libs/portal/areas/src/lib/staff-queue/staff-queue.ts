import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatCard } from '@angular/material/card';
import { TranslocoDirective } from '@jsverse/transloco';
import { EmptyState } from '../empty-state/empty-state';

/** The staff start page, where the ticket queue will be. */
@Component({
  selector: 'dg-staff-queue',
  imports: [EmptyState, MatCard, TranslocoDirective],
  template: `
    <ng-container *transloco="let t; prefix: 'queue'">
      <header class="page-header">
        <h1 class="page-title">{{ t('title') }}</h1>
        <p class="page-subtitle">{{ t('subtitle') }}</p>
      </header>
      <mat-card appearance="outlined">
        <dg-empty-state icon="inbox" [heading]="t('empty')" [message]="t('message')" />
      </mat-card>
    </ng-container>
  `,
  styleUrl: '../_page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffQueue {}
