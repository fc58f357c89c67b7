import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InvoicesService } from './invoices.service';

export const INVOICES_OPTIONS = Symbol('INVOICES_OPTIONS');

export interface InvoicesModuleOptions {
  /** How often issued invoices are checked against their due date. */
  overdueSweepSeconds: number;
}

/** Runs the overdue sweep at start and then on an interval; see `InvoicesService.markOverdue`. */
@Injectable()
export class OverdueSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OverdueSweep.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly invoices: InvoicesService,
    @Inject(INVOICES_OPTIONS) private readonly options: InvoicesModuleOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.options.overdueSweepSeconds * 1000);
    this.timer.unref();
    void this.sweep();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async sweep(): Promise<void> {
    if (this.running) return;
    this.running = this.invoices
      .markOverdue()
      .then((count) => {
        if (count > 0) this.logger.log(`${count} invoice(s) became overdue`);
      })
      .catch((error: unknown) => this.logger.error(`Overdue sweep failed: ${String(error)}`))
      .finally(() => (this.running = undefined));
    await this.running;
  }
}
