import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { join } from 'node:path';
import { AppModule } from './app.module';
import { configureApp } from './bootstrap';
import { servePortal } from './portal';
import { AppConfig, EnvironmentError } from './config';

export interface ServeOptions {
  /** Routes of its own that a program built on the API mounts before the portal's catch-all page handler. */
  beforePortal?(app: NestExpressApplication): void;
  /** Runs once the server listens, with the port it got. */
  afterListen?(app: NestExpressApplication, port: number): Promise<void>;
}

/**
 * Loads the configuration, or exits 1 naming each invalid variable: a wrong setting is the operator's to fix, not a
 * stack trace.
 */
export function loadConfigOrExit(): AppConfig {
  try {
    return AppConfig.load();
  } catch (error) {
    if (!(error instanceof EnvironmentError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

/** Creates the API from `config`, serves it with the built portal, and stops in order on SIGTERM / SIGINT. */
export async function serve(config: AppConfig, options: ServeOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.set('trust proxy', config.trustProxy);
  configureApp(app);
  options.beforePortal?.(app);
  // The build puts the portal beside the API: dist/apps/portal/browser next to dist/apps/api.
  const portalDir = join(__dirname, '..', 'portal', 'browser');
  if (!servePortal(app, portalDir)) logger.warn(`No built portal in ${portalDir}: serving the API only`);
  // Stop in order (HTTP, then the pool, then an embedded database) and exit 0: a requested stop is not a failure.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.log(`${signal} received: shutting down`);
      app.close().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error(error);
          process.exit(1);
        },
      );
    });
  }
  await app.listen(config.port);
  // PORT=0 lets the system pick a free port: say the one the server got.
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  await options.afterListen?.(app, port);
  logger.log(`Deskgram is listening on http://localhost:${port} (API under /api, docs at /api/docs)`);
  // A parent that started the API with an IPC channel (the test harness) learns the port whatever the log level.
  if (process.send) process.send({ listening: { port } }, undefined, {}, () => process.disconnect());
  return app;
}
