// Portal weight: the JavaScript a first visit downloads for the sign-in page and for the client dashboard, gzipped.
//
// Each page is opened by Chromium with a fresh profile (empty cache), and every JavaScript response until the
// network is idle counts: the entry bundles and the lazy chunks the page's route loads. The API serves the files
// uncompressed (compression is left to the reverse proxy in front of it), so each body is gzipped here with
// zlib.gzipSync at level 6, nginx's and most CDNs' usual setting, and the sizes are summed.
import { createTestDatabase, startApi } from '@deskgram/testing/harness';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Response } from 'playwright-core';
import {
  JWT_SECRET,
  machine,
  report,
  requireBuild,
  signIn,
  stopApi,
  useDatabaseServer,
  withCleanup,
} from './lib/bench';

/** The goals, gzipped: the sign-in page is every visitor's first page, the dashboard every client's. */
const SIGN_IN_BUDGET_KB = 170;
const DASHBOARD_BUDGET_KB = 200;

interface Script {
  url: string;
  bytes: number;
  gzipBytes: number;
  contentEncoding: string | null;
}

interface PageWeight {
  page: string;
  finalPath: string;
  scripts: Script[];
  bytes: number;
  gzipBytes: number;
}

const isScript = (response: Response) =>
  response.request().resourceType() === 'script' ||
  /javascript/.test(response.headers()['content-type'] ?? '') ||
  /\.m?js(\?|$)/.test(new URL(response.url()).pathname);

void withCleanup(async (defer) => {
  requireBuild({ portal: true });
  const server = useDatabaseServer();
  const database = await createTestDatabase('deskgram_bench_portal');
  defer(() => database.drop());
  const dataDir = await mkdtemp(join(tmpdir(), 'deskgram-bench-'));
  defer(() => rm(dataDir, { recursive: true, force: true }));
  const apiProcess = await startApi({
    env: { DATABASE_URL: database.url, DATA_DIR: dataDir, JWT_SECRET, DEMO_DATA: 'true' },
  });
  defer(() => stopApi(apiProcess));

  /** Opens `path` in a new Chromium with an empty profile and weighs the JavaScript it fetched. */
  async function weigh(name: string, path: string, session?: unknown): Promise<PageWeight> {
    const profile = await mkdtemp(join(tmpdir(), 'deskgram-bench-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    try {
      if (session) {
        await context.addInitScript(
          (value: string) => localStorage.setItem('deskgram.session', value),
          JSON.stringify(session),
        );
      }
      const page = context.pages()[0] ?? (await context.newPage());
      const bodies: Array<Promise<Script | undefined>> = [];
      page.on('response', (response) => {
        if (!isScript(response)) return;
        bodies.push(
          response.body().then(
            (body) => ({
              url: new URL(response.url()).pathname,
              bytes: body.length,
              gzipBytes: gzipSync(body, { level: 6 }).length,
              contentEncoding: response.headers()['content-encoding'] ?? null,
            }),
            () => undefined,
          ),
        );
      });
      await page.goto(`${apiProcess.baseUrl}${path}`, { waitUntil: 'networkidle' });
      const finalPath = new URL(page.url()).pathname;
      if (finalPath !== path) throw new Error(`${name}: expected to stay on ${path}, the portal went to ${finalPath}`);
      const scripts = (await Promise.all(bodies)).filter((script): script is Script => script !== undefined);
      return {
        page: name,
        finalPath,
        scripts,
        bytes: scripts.reduce((sum, script) => sum + script.bytes, 0),
        gzipBytes: scripts.reduce((sum, script) => sum + script.gzipBytes, 0),
      };
    } finally {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    }
  }

  const signInPage = await weigh('sign-in page', '/sign-in');
  const session = await signIn(apiProcess.baseUrl, 'anna@northwind.example');
  const dashboard = await weigh('client dashboard', '/client', session);

  const kb = (bytes: number) => bytes / 1024;
  const pages: Array<[PageWeight, number]> = [
    [signInPage, SIGN_IN_BUDGET_KB],
    [dashboard, DASHBOARD_BUDGET_KB],
  ];
  const rows = pages.flatMap(([weight, budgetKb]) => [
    {
      measure: `${weight.page}: JS gzip`,
      value: kb(weight.gzipBytes),
      unit: 'KB',
      goal: `<= ${budgetKb} KB`,
      met: kb(weight.gzipBytes) <= budgetKb,
    },
    { measure: `${weight.page}: JS uncompressed`, value: kb(weight.bytes), unit: 'KB' },
    { measure: `${weight.page}: JS files`, value: weight.scripts.length },
  ]);
  const served = [...signInPage.scripts, ...dashboard.scripts].map((script) => script.contentEncoding);
  report('portal', rows, {
    machine: await machine(server),
    setup: {
      browser: 'Chromium (headless, fresh profile per page), playwright-core',
      counted: 'every JavaScript response until network idle',
      gzip: 'zlib.gzipSync level 6 of each body; the server sent them uncompressed',
      servedContentEncodings: [...new Set(served.map((encoding) => encoding ?? 'identity'))],
      clientUser: 'anna@northwind.example',
    },
    pages: [signInPage, dashboard],
  });
});
