import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import type { AppConfig } from './config';

/**
 * The logger's settings: pino, with secrets redacted, as JSON lines (production, tools, the tests), or readable lines
 * through pino-pretty. pino-pretty is a development dependency, missing from a production install: without it the
 * log stays JSON.
 */
export async function loggerParams(config: AppConfig): Promise<Params> {
  const options: Options = {
    level: config.logLevel,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-telegram-bot-api-secret-token"]'],
    // Health probes and metric scrapes every few seconds would drown the log.
    autoLogging: { ignore: (req) => req.url === '/api/health' || req.url === '/api/metrics' },
    quietReqLogger: true,
  };
  const pretty = config.logFormat === 'pretty' ? await prettyStream() : undefined;
  return {
    pinoHttp: pretty ? [options, pretty] : options,
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
  };
}

async function prettyStream(): Promise<DestinationStream | undefined> {
  const pretty = await import('pino-pretty').catch(() => undefined);
  return pretty?.build({
    // In the main thread and synchronous, so that the last lines before an exit are not lost.
    sync: true,
    translateTime: 'SYS:HH:MM:ss.l',
    // One line per request instead of the whole request and response objects.
    messageFormat:
      '{if context}[{context}] {end}{if req}{req.method} {req.url} {res.statusCode} {responseTime} ms {end}{msg}',
    ignore: 'pid,hostname,context,req,res,responseTime,reqId',
  });
}
