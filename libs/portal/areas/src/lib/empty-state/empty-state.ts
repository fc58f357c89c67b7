import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';

/** What a section shows while it has nothing yet: an icon, one line saying so, and what comes next. */
@Component({
  selector: 'dg-empty-state',
  imports: [MatIcon],
  template: `
    <span class="icon" aria-hidden="true"><mat-icon [svgIcon]="icon()" /></span>
    <p class="heading">{{ heading() }}</p>
    <p class="message">{{ message() }}</p>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      align-items: center;
      padding: 32px 16px;
      text-align: center;
    }

    .icon {
      display: inline-grid;
      place-items: center;
      width: 56px;
      height: 56px;
      margin-bottom: 16px;
      border-radius: 50%;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }

    .heading {
      margin: 0 0 4px;
      font: var(--mat-sys-title-medium);
    }

    .message {
      max-width: 440px;
      margin: 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmptyState {
  readonly icon = input.required<string>();
  readonly heading = input.required<string>();
  readonly message = input.required<string>();
}
