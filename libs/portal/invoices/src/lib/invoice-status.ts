import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type InvoiceStatus } from '@deskgram/api-client';
import { TranslocoDirective } from '@jsverse/transloco';

/** The status of an invoice as a small coloured chip. */
@Component({
  selector: 'dg-invoice-status',
  imports: [TranslocoDirective],
  template: `<span class="chip" [class]="'chip status-' + status()" *transloco="let t; prefix: 'invoices.status'">{{
    t(status())
  }}</span>`,
  styles: `
    .chip {
      display: inline-block;
      padding: 2px 10px;
      border-radius: var(--mat-sys-corner-small);
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface-variant);
    }
    .status-issued {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .status-overdue {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .status-paid {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .status-void {
      text-decoration: line-through;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvoiceStatusChip {
  readonly status = input.required<InvoiceStatus>();
}
