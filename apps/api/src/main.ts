import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { join } from 'node:path';
import { AppModule } from './app.module';
import { configureApp } from './bootstrap';
import { servePortal } from './portal';
import { AppConfig, EnvironmentError } from './config';

async function bootstrap(): Promise<void> {
  let config: AppConfig;
  try {
    config = AppConfig.load();
  } catch (error) {
    if (!(error instanceof EnvironmentError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.set('trust proxy', config.trustProxy);
  configureApp(app);
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
  logger.log(`Deskgram is listening on http://localhost:${port} (API under /api, docs at /api/docs)`);
  // A parent that started the API with an IPC channel (the test harness) learns the port whatever the log level.
  if (process.send) process.send({ listening: { port } }, undefined, {}, () => process.disconnect());
}

void bootstrap();
