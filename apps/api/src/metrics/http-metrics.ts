import type { NextFunction, Request, Response } from 'express';
import { Histogram, register } from 'prom-client';

const NAME = 'deskgram_http_request_duration_seconds';

/** How long requests take, by method, route pattern and status. */
export const httpDurations =
  (register.getSingleMetric(NAME) as Histogram<'method' | 'route' | 'status'> | undefined) ??
  new Histogram({
    name: NAME,
    help: 'HTTP request duration by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });

/**
 * The route a request matched, as a pattern (`/api/tickets/:id`), never the URL itself: ids would make a series per
 * ticket. Requests no API route matched count as one of two groups.
 */
export function routeOf(req: Request): string {
  const route = (req as Request & { route?: { path?: unknown } }).route;
  if (route && typeof route.path === 'string') return `${req.baseUrl ?? ''}${route.path}`;
  return req.originalUrl.startsWith('/api/') || req.originalUrl === '/api' ? '(unmatched)' : '(portal)';
}

/** Express middleware: times every request until its response is finished. */
export function httpMetricsMiddleware(req: Request, res: Response, next: NextFunction): void {
  const end = httpDurations.startTimer();
  res.once('finish', () => end({ method: req.method, route: routeOf(req), status: String(res.statusCode) }));
  next();
}
