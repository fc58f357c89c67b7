import { NestFactory } from '@nestjs/core';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppModule } from './app.module';
import { createOpenApiDocument, API_PREFIX } from './bootstrap';
import { AppConfig } from './config';

/** Keys in a stable order, so that the committed document only changes when the API does. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/**
 * Writes the OpenAPI document without a database or a port: `preview` builds the module graph without
 * instantiating providers.
 */
async function main(): Promise<void> {
  const output = resolve(process.argv[2] ?? 'apps/api/openapi.json');
  const config = new AppConfig({ PORT: 3000, JWT_SECRET: 'openapi-generation-needs-no-real-signing-key' });
  const app = await NestFactory.create(AppModule.forRoot(config), { preview: true, logger: false });
  app.setGlobalPrefix(API_PREFIX);
  const document = createOpenApiDocument(app);
  writeFileSync(output, `${JSON.stringify(sortKeys(document), null, 2)}\n`);
  await app.close();
  process.stdout.write(`OpenAPI document written to ${output}\n`);
}

void main();
