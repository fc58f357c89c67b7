import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

/** The built API, as `npm run start:prod` runs it. Tests depend on the `build` targets that produce it. */
export const API_MAIN = resolve(__dirname, '../../../../../dist/apps/api/main.js');

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

export interface ApiProcess {
  baseUrl: string;
  port: number;
  /** Everything the process printed so far (JSON log lines unless `LOG_FORMAT` says otherwise). */
  output(): string;
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<number | null>;
  /** SIGKILL: the process dies without any shutdown. */
  kill(): Promise<void>;
  exited: Promise<number | null>;
}

export interface StartApiOptions {
  env: Record<string, string | undefined>;
  /** How long to wait for /api/health to answer 200. */
  timeoutMs?: number;
  cwd?: string;
}

/**
 * Starts the built API in its own process on a free port and waits until it is healthy. The environment is the
 * given one only (plus PATH and HOME), so that nothing of the test runner's leaks in.
 */
export async function startApi(options: StartApiOptions): Promise<ApiProcess> {
  if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: build the API first (npx nx build api)`);
  const port = options.env['PORT'] ? Number(options.env['PORT']) : await freePort();
  const env: Record<string, string> = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp' };
  // JSON lines, whatever NODE_ENV says: tests read the log (output()) line by line. `LOG_FORMAT: undefined` in
  // `options.env` leaves the API its own default.
  const defaults = { LOG_LEVEL: 'warn', LOG_FORMAT: 'json' };
  for (const [key, value] of Object.entries({ ...defaults, ...options.env, PORT: String(port) })) {
    if (value !== undefined) env[key] = value;
  }
  const child: ChildProcess = spawn(process.execPath, [API_MAIN], {
    env,
    cwd: options.cwd ?? process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let running = true;
  void exited.then(() => (running = false));
  while (running) {
    const healthy = await fetch(`${baseUrl}/api/health`)
      .then((response) => response.status === 200)
      .catch(() => false);
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The API did not become healthy in time. Its output:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!running) throw new Error(`The API exited during start. Its output:\n${output}`);
  return {
    baseUrl,
    port,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
