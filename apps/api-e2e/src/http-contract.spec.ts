import { queryDatabase, useTestEnvironment } from '@deskgram/testing/harness';

/** The API as an operator runs it (`npm run start:prod`), on a fresh database, spoken to over HTTP. */
describe('the API over HTTP', () => {
  const env = useTestEnvironment();

  const get = (path: string, init?: RequestInit) => fetch(`${env.baseUrl}${path}`, init);

  describe('GET /api/health', () => {
    it('reports the database up and Telegram not configured', async () => {
      const response = await get('/api/health');
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body.status).toBe('ok');
      expect(body.info.database.status).toBe('up');
      expect(body.info.telegram).toEqual({
        status: 'up',
        configured: false,
        mode: null,
        state: 'not_configured',
        username: null,
      });
    });
  });

  describe('migrations', () => {
    it('ran at start and are recorded once', async () => {
      const rows = await queryDatabase(env.database.url, 'SELECT name FROM migrations ORDER BY id');
      const names = rows.map((row) => row['name']);
      expect(names[0]).toBe('CreateExtensions1764450000000');
      expect(new Set(names).size).toBe(names.length);
      const extensions = await queryDatabase(env.database.url, "SELECT 1 FROM pg_extension WHERE extname = 'citext'");
      expect(extensions).toHaveLength(1);
    });
  });

  describe('documentation', () => {
    it('serves Swagger UI at /api/docs', async () => {
      const response = await get('/api/docs');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(await response.text()).toContain('swagger-ui');
    });

    it('serves the OpenAPI document at /api/docs-json with operationIds that are handler names', async () => {
      const response = await get('/api/docs-json');
      expect(response.status).toBe(200);
      const document = await response.json();
      expect(document.openapi).toMatch(/^3\./);
      expect(document.paths['/api/health'].get.operationId).toBe('getHealth');
    });
  });

  describe('errors', () => {
    it('answers an unknown API route with the JSON error shape, not the portal', async () => {
      const response = await get('/api/no-such-route');
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(await response.json()).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: 'Cannot GET /api/no-such-route',
      });
    });

    it('answers malformed JSON with 400 and a message', async () => {
      const response = await get('/api/health', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"broken": ',
      });
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.statusCode).toBe(400);
      expect(body.error).toBe('Bad Request');
      expect(typeof body.message).toBe('string');
      expect(body.message.length).toBeGreaterThan(0);
    });

    it('answers a body over the limit with 413', async () => {
      const response = await get('/api/health', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'x'.repeat(1_100_000) }),
      });
      expect(response.status).toBe(413);
      expect((await response.json()).statusCode).toBe(413);
    });
  });

  describe('security headers', () => {
    it('sets helmet headers without forcing https on plain-http installations', async () => {
      const response = await get('/api/health');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).not.toContain('upgrade-insecure-requests');
    });

    it('lets only the portal itself and Telegram’s web client frame it, for the Mini App', async () => {
      const csp = (await get('/')).headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'self' https://web.telegram.org");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("default-src 'self'");
    });
  });

  describe('logs', () => {
    it('are JSON lines', () => {
      const lines = env.api
        .output()
        .split('\n')
        .filter((line) => line.trim().length > 0);
      for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    });
  });
});
