import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AllExceptionsFilter } from '@deskgram/api/common';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_PREFIX } from './bootstrap';
import { servePortal } from './portal';

@Controller('things')
class ThingsController {
  @Get()
  list() {
    return { things: [] };
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

/** The portal beside the API: its files and pages, and never an answer to an `/api` request. */
describe(servePortal.name, () => {
  let portalDir: string;
  let app: NestExpressApplication;
  let baseUrl: string;

  beforeAll(async () => {
    portalDir = await mkdtemp(join(tmpdir(), 'deskgram-portal-'));
    await writeFile(join(portalDir, 'index.html'), '<html>portal</html>');
    await writeFile(join(portalDir, 'main-ABCDEF12.js'), 'console.log(1)');
    await writeFile(join(portalDir, 'favicon.ico'), 'icon');
    // Files whose paths an API request could name: they must never be served.
    await mkdir(join(portalDir, API_PREFIX));
    await writeFile(join(portalDir, API_PREFIX, 'things'), 'a file, not the API');
    await writeFile(join(portalDir, API_PREFIX, 'secret.txt'), 'a file, not the API');
    app = await NestFactory.create<NestExpressApplication>(ThingsModule, { logger: false });
    app.setGlobalPrefix(API_PREFIX);
    app.useGlobalFilters(new AllExceptionsFilter());
    expect(servePortal(app, portalDir)).toBe(true);
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  afterAll(async () => {
    await app?.close();
    if (portalDir) await rm(portalDir, { recursive: true, force: true });
  });

  const get = (path: string, accept = '*/*') => fetch(`${baseUrl}${path}`, { headers: { accept } });

  it('serves hashed bundles for a year and other files to be revalidated', async () => {
    const bundle = await get('/main-ABCDEF12.js');
    expect(bundle.status).toBe(200);
    expect(await bundle.text()).toBe('console.log(1)');
    expect(bundle.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const icon = await get('/favicon.ico');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers index.html for the portal’s page addresses', async () => {
    const page = await get('/tickets/42', 'text/html');
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<html>portal</html>');
    expect(page.headers.get('cache-control')).toBe('no-cache');
  });

  it('never answers under /api: the API route, or a JSON 404, even where a file of that path exists', async () => {
    const route = await get('/api/things', 'text/html');
    expect(route.status).toBe(200);
    expect(await route.json()).toEqual({ things: [] });
    for (const path of ['/api/secret.txt', '/api', '/api/', '/api/nothing/here']) {
      const unknown = await get(path, 'text/html');
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await unknown.json()).toMatchObject({ statusCode: 404, error: 'Not Found' });
    }
  });

  it('leaves other methods on page addresses to the API’s 404', async () => {
    const post = await fetch(`${baseUrl}/tickets`, { method: 'POST', headers: { accept: 'text/html' } });
    expect(post.status).toBe(404);
  });
});
