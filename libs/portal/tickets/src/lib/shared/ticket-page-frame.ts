import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { MiniApp } from '@deskgram/portal/mini-app';
import { TranslocoDirective } from '@jsverse/transloco';
import type { TicketView } from './ticket-page';

/**
 * What the client's thread and the staff detail show around the ticket: the way back, then the skeleton while it
 * loads, "not found" with the way back, the error with Retry, or the projected ticket.
 */
@Component({
  selector: 'dg-ticket-page-frame',
  imports: [MatAnchor, MatButton, MatIcon, RouterLink, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <!-- Inside Telegram, its own Back button leads back. -->
      @if (!miniApp.active()) {
        <a mat-button class="back" [routerLink]="backLink()">
          <mat-icon svgIcon="arrow_back" />
          {{ backText() }}
        </a>
      }
      @switch (view()) {
        @case ('loading') {
          <div class="surface skeleton" role="status">
            <span class="visually-hidden">{{ t('tickets.thread.loading') }}</span>
            <span class="skeleton-line wide" aria-hidden="true"></span>
            <span class="skeleton-line" aria-hidden="true"></span>
            <span class="skeleton-line narrow" aria-hidden="true"></span>
          </div>
        }
        @case ('not-found') {
          <div class="surface state" role="alert">
            <mat-icon class="state-icon" svgIcon="search_off" />
            <p class="state-title">{{ t('tickets.thread.notFound') }}</p>
            <a mat-stroked-button [routerLink]="backLink()">{{ backText() }}</a>
          </div>
        }
        @case ('error') {
          <div class="surface state" role="alert">
            <mat-icon class="state-icon error" svgIcon="error_outline" />
            <p class="state-title">{{ t('tickets.thread.error') }}</p>
            <button mat-stroked-button type="button" (click)="retry.emit()">{{ t('common.retry') }}</button>
          </div>
        }
        @case ('ticket') {
          <ng-content />
        }
      }
    </ng-container>
  `,
  styleUrl: './ticket-page.scss',
  // The page lays out the frame's parts as its own children.
  host: { style: 'display: contents' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TicketPageFrame {
  readonly view = input.required<TicketView>();
  readonly backLink = input.required<string>();
  readonly backText = input.required<string>();
  readonly retry = output();
  protected readonly miniApp = inject(MiniApp);
}
