import { type INestApplication, ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AllExceptionsFilter, documentMultipartBodies, NulCharactersPipe } from '@deskgram/api/common';
import helmet from 'helmet';
import { httpMetricsMiddleware } from './metrics/http-metrics';

export const API_PREFIX = 'api';

/** Telegram's web client, which opens Mini Apps in a frame of its page. */
export const TELEGRAM_WEB = 'https://web.telegram.org';

/** The largest JSON body accepted; larger ones are 413. A 20,000-character message fits with room to spare. */
export const BODY_LIMIT = '1mb';

/**
 * Everything main.ts and the integration tests both do to an application before it serves requests. The
 * application must be created with `bodyParser: false`, so that the JSON limit set here is the only one.
 */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  app.use(httpMetricsMiddleware);
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.setGlobalPrefix(API_PREFIX);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Deskgram is often reached over plain http inside a company network; upgrading would break it there.
          'upgrade-insecure-requests': null,
          // Framed by ourselves, and by Telegram's web client, which shows the portal as a Mini App in a frame.
          'frame-ancestors': ["'self'", TELEGRAM_WEB],
        },
      },
      // frame-ancestors says it for every browser a Mini App runs in; X-Frame-Options cannot name Telegram.
      xFrameOptions: false,
    }),
  );
  app.useGlobalPipes(
    // First: PostgreSQL cannot store NUL, so no text holding one may reach a DTO, a service or a query.
    new NulCharactersPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
    }),
  );
  app.useGlobalFilters(new AllExceptionsFilter());
  const document = createOpenApiDocument(app);
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, {
    jsonDocumentUrl: `${API_PREFIX}/docs-json`,
    customSiteTitle: 'Deskgram API',
  });
  return app;
}

export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Deskgram API')
    .setDescription('The helpdesk whose clients and staff live in Telegram. The public contract is docs/api.md.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  return documentMultipartBodies(
    SwaggerModule.createDocument(app, config, {
      operationIdFactory: (_controllerKey, methodKey) => methodKey,
    }),
  );
}
