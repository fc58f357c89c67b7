import { Controller, Get, Header, Headers, Injectable, Module } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import { Public } from '@deskgram/api/auth';
import { UnauthorizedError } from '@deskgram/api/common';
import { Deliverer } from '@deskgram/api/notifications';
import { TelegramBotRunner } from '@deskgram/api/telegram-bot';
import { createHash, timingSafeEqual } from 'node:crypto';
import { collectDefaultMetrics, Gauge, register } from 'prom-client';
import { AppConfig } from '../config';

const DELIVERER_STATES = ['active', 'standby', 'down', 'off'] as const;
const POLLER_STATES = [
  'not_configured',
  'starting',
  'polling',
  'standby',
  'webhook',
  'unauthorized',
  'conflict',
  'unreachable',
] as const;

/** A gauge that is created anew with this process's collector (a test may build the app twice in one process). */
function gauge<T extends string>(configuration: ConstructorParameters<typeof Gauge<T>>[0]): Gauge<T> {
  register.removeSingleMetric(configuration.name);
  return new Gauge<T>(configuration);
}

/**
 * Prometheus metrics in prom-client's default registry: the counters the features keep (deliveries by outcome,
 * Telegram's 429s), HTTP durations, the process's own metrics, and gauges read on every scrape (the queue, and
 * the states of the deliverer and the poller).
 */
@Injectable()
export class MetricsService {
  constructor(deliverer: Deliverer, telegram: TelegramBotRunner) {
    if (!register.getSingleMetric('process_cpu_user_seconds_total')) collectDefaultMetrics();
    // One read of the queue serves both gauges; a database that does not answer makes them NaN (unknown), not 0.
    let reading: Promise<void> | undefined;
    const readQueue = () =>
      (reading ??= deliverer
        .queueStats()
        .then(
          (stats) => {
            depth.set(stats.queueDepth);
            oldest.set(stats.oldestDueAgeSeconds);
          },
          () => {
            depth.set(Number.NaN);
            oldest.set(Number.NaN);
          },
        )
        .finally(() => (reading = undefined)));
    const depth = gauge({
      name: 'deskgram_delivery_queue_depth',
      help: 'Notification deliveries pending or being sent',
      collect: readQueue,
    });
    const oldest = gauge({
      name: 'deskgram_delivery_oldest_due_age_seconds',
      help: 'Age of the oldest delivery that is due and waiting (0 when none is)',
      collect: readQueue,
    });
    gauge({
      name: 'deskgram_deliverer_state',
      help: 'The deliverer: 1 for its current state (active, standby, down, or off without a bot)',
      labelNames: ['state'] as const,
      collect() {
        for (const state of DELIVERER_STATES) this.set({ state }, deliverer.state === state ? 1 : 0);
      },
    });
    gauge({
      name: 'deskgram_telegram_poller_state',
      help: 'The Telegram bot: 1 for its current state',
      labelNames: ['state'] as const,
      collect() {
        const current = telegram.status.state;
        for (const state of POLLER_STATES) this.set({ state }, current === state ? 1 : 0);
      },
    });
  }

  text(): Promise<string> {
    return register.metrics();
  }
}

@Controller('metrics')
export class MetricsController {
  private readonly tokenDigest?: Buffer;

  constructor(
    private readonly metrics: MetricsService,
    config: AppConfig,
  ) {
    this.tokenDigest = config.metricsToken ? digest(config.metricsToken) : undefined;
  }

  /** Prometheus text format; public unless METRICS_TOKEN is set, then it needs that bearer token. */
  @Public()
  @Get()
  @ApiExcludeEndpoint()
  @Header('Content-Type', register.contentType)
  @Header('Cache-Control', 'no-store')
  async scrape(@Headers('authorization') authorization?: string): Promise<string> {
    if (this.tokenDigest) {
      const presented = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1] ?? '';
      // Digests of equal length, so the comparison takes the same time whatever was presented.
      if (!timingSafeEqual(digest(presented), this.tokenDigest))
        throw new UnauthorizedError('metrics.unauthorized', 'The metrics need Authorization: Bearer <METRICS_TOKEN>');
    }
    return this.metrics.text();
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

@Module({ controllers: [MetricsController], providers: [MetricsService] })
export class MetricsModule {}
