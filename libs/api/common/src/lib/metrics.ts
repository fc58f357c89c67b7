import { Counter, register } from 'prom-client';

/**
 * Counters that the features increment where things happen, in prom-client's default registry; `GET /api/metrics`
 * exposes them with the gauges it collects on scrape. One process creates them once, at import.
 */
function counter<T extends string>(name: string, help: string, labelNames: readonly T[]): Counter<T> {
  const existing = register.getSingleMetric(name);
  if (existing) return existing as Counter<T>;
  return new Counter({ name, help, labelNames });
}

/** Deliveries by what Telegram's answer (or the link) made of them. */
export const deliveriesCounter = counter('deskgram_deliveries_total', 'Notification deliveries by outcome', [
  'outcome',
] as const);

export type DeliveryOutcome = 'sent' | 'retried' | 'failed' | 'cancelled';

/** Telegram's 429 Too Many Requests answers to the deliverer. */
export const telegramRateLimitedCounter = counter(
  'deskgram_telegram_rate_limited_total',
  'Telegram 429 (Too Many Requests) answers to sendMessage',
  [] as const,
);
