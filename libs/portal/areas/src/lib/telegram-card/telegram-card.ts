import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import { TranslocoDirective } from '@jsverse/transloco';

/**
 * The place of the Telegram card on the dashboard and the profile. Until the bot arrives it only says that
 * notifications in Telegram are coming, so nobody looks for a button that is not there yet.
 */
@Component({
  selector: 'dg-telegram-card',
  imports: [MatCard, MatCardContent, MatIcon, TranslocoDirective],
  template: `
    <mat-card class="card" appearance="outlined" *transloco="let t; prefix: 'telegram'">
      <mat-card-content class="content">
        <span class="icon" aria-hidden="true"><mat-icon svgIcon="send" /></span>
        <div class="text">
          <h2 class="title">
            {{ t('title') }}
            <span class="badge">{{ t('comingSoon') }}</span>
          </h2>
          <p class="message">{{ t('message') }}</p>
        </div>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .card {
      background: var(--mat-sys-surface-container-low);
    }

    .card .content {
      display: flex;
      gap: 16px;
      align-items: flex-start;
      padding: 20px;
    }

    .icon {
      display: inline-grid;
      flex: none;
      place-items: center;
      width: 48px;
      height: 48px;
      border-radius: 50%;
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface-variant);
    }

    .title {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      margin: 0 0 4px;
      font: var(--mat-sys-title-medium);
    }

    .badge {
      padding: 2px 10px;
      border-radius: var(--mat-sys-corner-full);
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-medium);
    }

    .message {
      margin: 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TelegramCard {}
