/* eslint-disable no-console -- a benchmark is a command, and its printed table is its output */
import { API_MAIN, type ApiProcess, TEST_SERVER_ENV } from '@deskgram/testing/harness';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { comparison, currentCommit, entries, type HistoryEntry, keep } from './history';

export const ROOT = resolve(__dirname, '..', '..');
export const PORTAL_DIR = join(ROOT, 'dist', 'apps', 'portal', 'browser');
export const JWT_SECRET = 'a-secret-that-is-long-enough-for-hs256!';
/** Telegram-shaped; the double accepts whatever token it is given. */
export const BOT_TOKEN = '6000000001:bench-token-bench-token-bench-token-00';
export const DEMO_PASSWORD = 'deskgram-demo';

/** The PostgreSQL server the benches create their databases on, as for the tests. */
export function useDatabaseServer(): string {
  const url = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  process.env[TEST_SERVER_ENV] = url;
  return url;
}

/** The benches measure what `npm run build` produced; they never build themselves. */
export function requireBuild(options: { portal?: boolean } = {}): void {
  const missing = [API_MAIN, ...(options.portal ? [join(PORTAL_DIR, 'index.html')] : [])].filter((f) => !existsSync(f));
  if (missing.length) {
    throw new Error(`Missing ${missing.join(', ')}: run \`npm run build\` first`);
  }
}

/** Runs `body`, then every cleanup registered meanwhile (newest first), whether `body` succeeded or not. */
export async function withCleanup(body: (defer: (cleanup: () => Promise<unknown>) => void) => Promise<void>) {
  const cleanups: Array<() => Promise<unknown>> = [];
  let failed = false;
  const onSignal = () => {
    failed = true;
    void runCleanups().then(() => process.exit(130));
  };
  async function runCleanups() {
    while (cleanups.length) {
      const cleanup = cleanups.pop();
      await cleanup?.().catch((error: unknown) => console.error(`cleanup failed: ${String(error)}`));
    }
  }
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await body((cleanup) => cleanups.push(cleanup));
  } catch (error) {
    failed = true;
    console.error(error);
  } finally {
    await runCleanups();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  process.exit(failed ? 1 : 0);
}

/** The machine and software the figures come from, stored beside them. */
export async function machine(serverUrl: string): Promise<Record<string, string | number>> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      postgres: rows[0]?.server_version ?? 'unknown',
      chromium: chromiumVersion(),
      // Other work on the machine lowers every figure. Read when the bench ends, so it includes the bench itself
      // (the API, PostgreSQL and the load generator: about 2 to 3 on its own).
      loadAverage1mAtEnd: Math.round(loadavg()[0] * 100) / 100,
    };
  } finally {
    await client.end();
  }
}

function chromiumVersion(): string {
  try {
    return execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .trim()
      .replace(/^.*?(\d[\d.]+).*$/s, '$1');
  } catch {
    return 'not installed';
  }
}

export interface Goal {
  measure: string;
  value: number | string;
  unit?: string;
  goal?: string;
  met?: boolean;
}

/**
 * Prints the table, writes `bench/results/<name>.json` (the latest run, not committed) and keeps the run in
 * `bench/history/<name>/`, then prints it beside the entry before it.
 */
export function report(name: string, rows: Goal[], details: Record<string, unknown>): void {
  const cells = rows.map((row) => [
    row.measure,
    `${typeof row.value === 'number' ? round(row.value) : row.value}${row.unit ? ` ${row.unit}` : ''}`,
    row.goal ?? '',
    row.met === undefined ? '' : row.met ? 'met' : 'MISSED',
  ]);
  const header = ['measure', 'value', 'goal', ''];
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((cell) => cell[i].length)));
  const line = (cell: string[]) => `| ${cell.map((text, i) => text.padEnd(widths[i])).join(' | ')} |`;
  console.log(`\n${name}`);
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const cell of cells) console.log(line(cell));
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  const before = entries(ROOT, name).pop()?.entry;
  const result: HistoryEntry = {
    bench: name,
    date: new Date().toISOString(),
    commit: currentCommit(ROOT),
    results: rows.map((row) => ({ ...row, value: typeof row.value === 'number' ? round(row.value, 4) : row.value })),
    ...details,
  };
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  const kept = keep(ROOT, result);
  console.log(`\nwritten to ${file.slice(ROOT.length + 1)} and kept as ${kept}`);
  if (before) {
    console.log(`\nbeside the run before (${before.commit?.sha.slice(0, 7) ?? 'no commit'}, ${before.date}):`);
    console.log(comparison(before, result));
  }
}

export function round(value: number, digits = 3): number {
  return Number(value.toPrecision(digits > 0 ? Math.max(digits, String(Math.trunc(value)).length) : 1));
}

/** Nearest-rank percentile of unsorted samples. */
export function percentile(samples: number[], p: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  what: string,
  everyMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await pause(everyMs);
  }
}

/** Stops the API, showing its output when it did not stop cleanly (what went wrong is usually in there). */
export async function stopApi(api: ApiProcess): Promise<void> {
  const code = await api.stop();
  if (code !== 0) console.error(`The API exited with ${code}. Its output:\n${api.output().slice(-4000)}`);
}

/** Resident memory of a process in MB: now (VmRSS) and its peak so far (VmHWM). */
export function memoryOf(pid: number): { rssMb: number; peakRssMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: { id: string; role: string; clientId: string | null };
}

export async function signIn(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<Session> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`Sign-in as ${email}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Session;
}

export async function api<T>(
  baseUrl: string,
  method: string,
  path: string,
  token: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}
