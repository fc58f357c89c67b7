import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

/** The built API, as `npm run start:prod` runs it. Tests depend on the `build` targets that produce it. */
export const API_MAIN = resolve(__dirname, '../../../../../dist/apps/api/main.js');

/** The built sandbox (`npm run sandbox`): the API with Telegram played in-process, from `nx run api:build-sandbox`. */
export const SANDBOX_MAIN = resolve(__dirname, '../../../../../dist/apps/sandbox/main.js');

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
  /** The process id of the API, e.g. to read its memory use from /proc. */
  pid: number;
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
  /** How long to wait for the API to listen and /api/health to answer 200. */
  timeoutMs?: number;
  cwd?: string;
  /** The program to run: the built API (`API_MAIN`) unless told otherwise, e.g. `SANDBOX_MAIN`. */
  main?: string;
}

/**
 * Starts the built API in its own process and waits until it is healthy. The environment is the given one only
 * (plus PATH and HOME), so that nothing of the test runner's leaks in. Unless the environment names a `PORT`, the API
 * listens on `PORT=0` (a free port the system picks when it binds, so no other process can take it in between) and
 * tells its port through the IPC channel the harness opens (`{ listening: { port } }`), whatever its log level.
 */
export async function startApi(options: StartApiOptions): Promise<ApiProcess> {
  const main = options.main ?? API_MAIN;
  if (!existsSync(main))
    throw new Error(`${main} is missing: build it first (npx nx build api, nx run api:build-sandbox)`);
  const env: Record<string, string> = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp' };
  // JSON lines, whatever NODE_ENV says: tests read the log (output()) line by line. `LOG_FORMAT: undefined` in
  // `options.env` leaves the API its own default.
  const defaults = { LOG_LEVEL: 'warn', LOG_FORMAT: 'json', PORT: '0' };
  for (const [key, value] of Object.entries({ ...defaults, ...options.env })) {
    if (value !== undefined) env[key] = value;
  }
  const child: ChildProcess = spawn(process.execPath, [main], {
    env,
    cwd: options.cwd ?? process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
  const timeoutMs = options.timeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  const port = await new Promise<number>((ok, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`The API did not listen within ${timeoutMs} ms. Its output:\n${output}`));
    }, timeoutMs);
    child.on('message', (message: { listening?: { port?: unknown } }) => {
      const port = message?.listening?.port;
      if (typeof port !== 'number') return;
      clearTimeout(timer);
      ok(port);
    });
    void exited.then(() => {
      clearTimeout(timer);
      fail(new Error(`The API exited during start. Its output:\n${output}`));
    });
  });
  const baseUrl = `http://127.0.0.1:${port}`;
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
    pid: child.pid ?? 0,
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
