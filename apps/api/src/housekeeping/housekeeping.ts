import {
  Inject,
  Injectable,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { AdvisoryLock } from '@deskgram/api/common';
import { SingleActiveWorker, type WorkerLease, workerConnection } from '@deskgram/api/database';
import { DataSource } from 'typeorm';

export const HOUSEKEEPING_OPTIONS = Symbol('HOUSEKEEPING_OPTIONS');

export interface HousekeepingOptions {
  /** Sent, failed and cancelled deliveries older than this leave the delivery log. */
  deliveryRetentionDays: number;
  intervalMinutes: number;
}

/** What one run removed, by kind of row. */
export interface Pruned {
  refreshTokens: number;
  signInFailures: number;
  linkTokens: number;
  deliveries: number;
  /** Handled Telegram updates: Telegram redelivers for at most a day. */
  telegramUpdates: number;
  /** Drafts of tickets from the chat, opened, cancelled or left. */
  ticketDrafts: number;
}

/** Rows per DELETE: a large backlog goes in several short statements instead of one long lock. */
const CHUNK = 5_000;

/**
 * Removes rows nobody needs any more, on one replica at a time (a single-active worker), once shortly after start
 * and then every `intervalMinutes`:
 * - refresh tokens past their expiry (a used or revoked one is kept until then: presenting a spent token must
 *   still end its sign-in);
 * - sign-in failures older than an hour (the limit counts the last minute);
 * - Telegram link tokens used or expired more than a day ago (a day in which Telegram's redelivery of a Start
 *   still finds the token and changes nothing);
 * - deliveries sent, failed or cancelled more than `deliveryRetentionDays` ago.
 */
@Injectable()
export class Housekeeping implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(Housekeeping.name);
  private readonly worker: SingleActiveWorker;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(HOUSEKEEPING_OPTIONS) private readonly options: HousekeepingOptions,
  ) {
    this.worker = new SingleActiveWorker({
      name: 'housekeeping',
      key: AdvisoryLock.Housekeeping,
      connection: workerConnection(dataSource),
      body: (lease) => this.turn(lease),
    });
  }

  get state(): SingleActiveWorker['state'] {
    return this.worker.state;
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker.stop();
  }

  private async turn(lease: WorkerLease): Promise<void> {
    const pruned = await this.prune();
    const total = Object.values(pruned).reduce((sum, count) => sum + count, 0);
    if (total > 0) this.logger.log(`Housekeeping removed ${JSON.stringify(pruned)}`);
    await lease.sleep(this.options.intervalMinutes * 60_000);
  }

  /** One run; public so that it can be tested and run by hand. */
  async prune(): Promise<Pruned> {
    return {
      refreshTokens: await this.deleteWhere('refresh_tokens', `expires_at < now()`),
      signInFailures: await this.deleteWhere('sign_in_failures', `failed_at < now() - interval '1 hour'`),
      linkTokens: await this.deleteWhere(
        'telegram_link_tokens',
        `used_at < now() - interval '1 day' OR expires_at < now() - interval '1 day'`,
      ),
      deliveries: await this.deleteWhere(
        'notification_deliveries',
        `status IN ('sent', 'failed', 'cancelled') AND updated_at < now() - make_interval(days => $1)`,
        [this.options.deliveryRetentionDays],
      ),
      // Which ticket a sent message belongs to (telegram_ticket_messages) is never pruned: a Reply to a
      // months-old notification still finds its ticket.
      telegramUpdates: await this.deleteWhere('telegram_updates', `handled_at < now() - interval '7 days'`),
      ticketDrafts: await this.deleteWhere('telegram_ticket_drafts', `created_at < now() - interval '7 days'`),
    };
  }

  private async deleteWhere(table: string, condition: string, parameters: unknown[] = []): Promise<number> {
    let total = 0;
    for (;;) {
      const [, count]: [unknown, number] = await this.dataSource.query(
        `DELETE FROM ${table} WHERE ctid IN (SELECT ctid FROM ${table} WHERE ${condition} LIMIT ${CHUNK})`,
        parameters,
      );
      total += count;
      if (count < CHUNK) return total;
    }
  }
}

@Module({})
export class HousekeepingModule {
  static forRoot(options: HousekeepingOptions): DynamicModule {
    return {
      module: HousekeepingModule,
      providers: [{ provide: HOUSEKEEPING_OPTIONS, useValue: options }, Housekeeping],
      exports: [Housekeeping],
    };
  }
}
