import { type ApiProcess, createTestDatabase, startApi, type TestDatabase } from '@deskgram/testing/harness';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO, TestClient } from './support/api-client';

const JWT_SECRET = 'a-secret-that-is-long-enough-for-hs256!';
const METRICS_TOKEN = 'metrics-token-for-the-scraper-0123456789';

/** `GET /api/metrics`: Prometheus text, route patterns instead of URLs, and the token when one is configured. */
// Its own setup rather than useTestEnvironment: every test starts an API with its own METRICS_TOKEN setting.
describe('metrics', () => {
  let database: TestDatabase;
  const dirs: string[] = [];
  const apis: ApiProcess[] = [];

  async function start(env: Record<string, string> = {}): Promise<ApiProcess> {
    const dataDir = await mkdtemp(join(tmpdir(), 'deskgram-metrics-'));
    dirs.push(dataDir);
    const api = await startApi({
      env: { DATABASE_URL: database.url, DATA_DIR: dataDir, DEMO_DATA: 'true', JWT_SECRET, ...env },
    });
    apis.push(api);
    return api;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await Promise.all(apis.map((api) => api.stop()));
    await database?.drop();
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('with METRICS_TOKEN set, answers only that bearer token (401 otherwise), in Prometheus text format', async () => {
    const api = await start({ METRICS_TOKEN });
    const http = new TestClient(api.baseUrl);
    const agent = await http.signIn(DEMO.agent);
    const ticketId = '3f1c1c1e-0000-4000-8000-000000000000';
    expect((await http.get(`/api/tickets/${ticketId}`, agent.accessToken)).status).toBe(404);
    expect((await http.get('/api/no-such-route')).status).toBe(404);

    const scrape = (authorization?: string) =>
      fetch(`${api.baseUrl}/api/metrics`, { headers: authorization ? { authorization } : {} });
    for (const wrong of [undefined, 'Bearer nope', `Bearer ${METRICS_TOKEN}x`, METRICS_TOKEN]) {
      const refused = await scrape(wrong);
      expect(refused.status).toBe(401);
      expect((await refused.json()).message).toContain('METRICS_TOKEN');
    }
    const response = await scrape(`Bearer ${METRICS_TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const text = await response.text();

    expect(text).toMatch(
      /deskgram_http_request_duration_seconds_count\{method="GET",route="\/api\/tickets\/:id",status="404"\} 1\n/,
    );
    expect(text).toMatch(
      /deskgram_http_request_duration_seconds_bucket\{le="0\.005",method="POST",route="\/api\/auth\/login",status="200"\}/,
    );
    // An unknown path counts under the API's catch-all pattern; never a raw URL with an id in it.
    expect(text).toContain('method="GET",route="/api/{*path}",status="404"} 1');
    expect(text).not.toContain(ticketId);
    expect(text).not.toContain('no-such-route');
    // Without a bot there is nothing to deliver.
    expect(text).toContain('deskgram_deliverer_state{state="off"} 1');
    expect(text).toContain('deskgram_deliverer_state{state="active"} 0');
    expect(text).toContain('deskgram_telegram_poller_state{state="not_configured"} 1');
    expect(text).toContain('deskgram_delivery_queue_depth 0');
    expect(text).toContain('deskgram_delivery_oldest_due_age_seconds 0');
    expect(text).toContain('# TYPE deskgram_deliveries_total counter');
    expect(text).toContain('# TYPE deskgram_telegram_rate_limited_total counter');
    expect(text).toMatch(/\nprocess_cpu_user_seconds_total \d/);
    expect(text).toMatch(/\nnodejs_heap_size_used_bytes \d/);

    // Not in the API document the portal's client is generated from.
    const document = await (await fetch(`${api.baseUrl}/api/docs-json`)).json();
    expect(Object.keys(document.paths)).not.toContain('/api/metrics');
  });

  it('without METRICS_TOKEN, the metrics are public', async () => {
    const api = await start();
    const response = await fetch(`${api.baseUrl}/api/metrics`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('deskgram_delivery_queue_depth');
  });
});
