import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { type DeliveryStatus } from '@deskgram/api-client';
import { TranslocoDirective } from '@jsverse/transloco';

const ICONS: Readonly<Record<DeliveryStatus, string>> = {
  pending: 'schedule',
  sending: 'send',
  sent: 'check_circle',
  failed: 'error_outline',
  cancelled: 'block',
};

/** The state of a delivery as a small chip; colour and icon together, so it reads without colour too. */
@Component({
  selector: 'dg-delivery-status',
  imports: [MatIcon, TranslocoDirective],
  template: `<span *transloco="let t; prefix: 'deliveries.status'" class="chip" [attr.data-status]="status()"
    ><mat-icon class="icon" aria-hidden="true" [svgIcon]="icon()" />{{ t(status()) }}</span
  >`,
  styles: `
    :host {
      display: inline-flex;
    }
    .chip {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 2px 10px 2px 6px;
      border-radius: var(--mat-sys-corner-full);
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface-variant);
    }
    .icon {
      width: 16px;
      height: 16px;
    }
    [data-status='pending'],
    [data-status='sending'] {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    [data-status='sent'] {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    [data-status='failed'] {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeliveryStatusChip {
  readonly status = input.required<DeliveryStatus>();
  protected readonly icon = computed(() => ICONS[this.status()]);
}
