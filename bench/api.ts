/* eslint-disable no-console -- a benchmark is a command, and its printed table is its output */
// API throughput: GET /api/tickets (first page of 25, as a client user and as staff) on a database with 100,000
// tickets of 1,000 clients, with autocannon at 32 connections, beside a bare route of the same process measured in
// the same run, so that a slow or busy machine lowers both and the ratio stays meaningful.
//
// The bare route is an unknown path under /api (a JSON 404): it passes through everything every request passes
// through (Express, helmet, the request logger, Nest's router and exception filter) but runs no guard, no handler
// and no query. /api/health is not bare (it queries the database), and the portal's index.html is served by
// express.static beside Nest, not by it.
import { createTestDatabase, startApi } from '@deskgram/testing/harness';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Plain JavaScript, so that it also runs alone (`node tools/bench-data.mjs`); Node 20.19+ require()s ES modules.
import { seedTickets } from '../tools/bench-data.mjs';
import {
  api,
  JWT_SECRET,
  machine,
  memoryOf,
  report,
  requireBuild,
  signIn,
  stopApi,
  useDatabaseServer,
  withCleanup,
} from './lib/bench';

const CONNECTIONS = 32;
const WARM_UP_SECONDS = 3;
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const BARE_PATH = '/api/bench-baseline-not-found';
const LIST_PATH = '/api/tickets?page=1&pageSize=25';

interface Measured {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
}

/** What is read of autocannon's result (the package has no types of its own). */
interface CannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  statusCodeStats?: Record<string, { count: number }>;
  errors: number;
  timeouts: number;
}

const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<CannonResult>;

async function cannon(url: string, token: string | undefined, seconds: number): Promise<CannonResult> {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

void withCleanup(async (defer) => {
  requireBuild();
  const server = useDatabaseServer();
  const database = await createTestDatabase('deskgram_bench_api');
  defer(() => database.drop());
  const dataDir = await mkdtemp(join(tmpdir(), 'deskgram-bench-'));
  defer(() => rm(dataDir, { recursive: true, force: true }));
  const apiProcess = await startApi({
    env: {
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      JWT_SECRET,
      DEMO_DATA: 'true',
      // The API as `npm run start:prod` and the Docker image run it.
      NODE_OPTIONS: '--max-semi-space-size=4 --max-old-space-size=192',
    },
  });
  defer(() => stopApi(apiProcess));
  const pid = apiProcess.pid;
  const afterStart = memoryOf(pid);

  const seeded = await seedTickets(database.url, { clients: 1000, tickets: 100_000 });
  console.log(`database: ${seeded.clients} clients, ${seeded.tickets} tickets (generated in ${seeded.seconds} s)`);
  const agent = await signIn(apiProcess.baseUrl, 'agent@deskgram.example');
  const client = await signIn(apiProcess.baseUrl, 'anna@northwind.example');
  const targets = [
    { name: 'bare route (404 under /api)', path: BARE_PATH, token: undefined, status: 404 },
    { name: 'GET /api/tickets, client view', path: LIST_PATH, token: client.accessToken, status: 200 },
    { name: 'GET /api/tickets, staff view', path: LIST_PATH, token: agent.accessToken, status: 200 },
  ];
  const pages: Record<string, { items: number; total: number }> = {};
  for (const target of targets.slice(1)) {
    const page = await api<{ items: unknown[]; total: number }>(
      apiProcess.baseUrl,
      'GET',
      target.path,
      target.token ?? '',
    );
    if (page.status !== 200) throw new Error(`${target.name} answered ${page.status}`);
    pages[target.name] = { items: page.body.items.length, total: page.body.total };
  }

  const measured: Measured[] = [];
  for (const target of targets) {
    const url = `${apiProcess.baseUrl}${target.path}`;
    await cannon(url, target.token, WARM_UP_SECONDS);
    console.log(`${target.name}: ${SECONDS} s at ${CONNECTIONS} connections...`);
    const result = await cannon(url, target.token, SECONDS);
    const statuses: Record<string, number> = {};
    for (const [key, value] of Object.entries(result.statusCodeStats ?? {})) statuses[key] = value.count;
    const unexpected = Object.entries(statuses).filter(([code]) => Number(code) !== target.status);
    if (unexpected.length) console.warn(`${target.name}: unexpected statuses ${JSON.stringify(statuses)}`);
    measured.push({
      name: target.name,
      requestsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      statuses,
      errors: result.errors,
      timeouts: result.timeouts,
    });
  }
  const memory = memoryOf(pid);

  const [bare, clientView, staffView] = measured;
  const rows = [
    { measure: 'bare route req/s', value: bare.requestsPerSecond, unit: 'req/s' },
    { measure: 'bare route p99', value: bare.p99, unit: 'ms' },
  ];
  for (const view of [clientView, staffView]) {
    const label = view === clientView ? 'client view' : 'staff view';
    const ratio = view.requestsPerSecond / bare.requestsPerSecond;
    rows.push(
      { measure: `${label} req/s`, value: view.requestsPerSecond, unit: 'req/s' },
      { measure: `${label} ratio to bare`, value: ratio, goal: '>= 0.5', met: ratio >= 0.5 } as never,
      { measure: `${label} p50`, value: view.p50, unit: 'ms' },
      {
        measure: `${label} p99`,
        value: view.p99,
        unit: 'ms',
        goal: '<= 2x bare p99',
        met: view.p99 <= 2 * bare.p99,
      } as never,
    );
  }
  rows.push({ measure: 'API RSS after start', value: afterStart.rssMb, unit: 'MB' });
  rows.push({
    measure: 'API peak RSS (VmHWM)',
    value: memory.peakRssMb,
    unit: 'MB',
    goal: '<= 200 MB',
    met: memory.peakRssMb <= 200,
  } as never);

  report('api', rows, {
    machine: await machine(server),
    setup: {
      connections: CONNECTIONS,
      secondsPerTarget: SECONDS,
      warmUpSecondsPerTarget: WARM_UP_SECONDS,
      data: seeded,
      bareRoute: `GET ${BARE_PATH} (404)`,
      list: `GET ${LIST_PATH}`,
      clientUser: 'anna@northwind.example',
      staffUser: 'agent@deskgram.example',
      pages,
    },
    measured,
    memory: { ...memory, rssAfterStartMb: afterStart.rssMb },
  });
});
