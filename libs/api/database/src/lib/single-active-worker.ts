import { Logger } from '@nestjs/common';
import { Client, type ClientConfig } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * `active`: this process holds the lock and runs the loop. `standby`: another process holds it; this one takes over
 * when that one's connection ends. `down`: the database cannot be reached; the worker keeps trying.
 */
export type WorkerState = 'active' | 'standby' | 'down';

/** What the loop body gets while the lock is held. */
export interface WorkerLease {
  /** Whether the lock is still held and the worker is not stopping; a body checks it before work it must not duplicate. */
  readonly active: boolean;
  /** Aborted when the lock is lost or the worker stops, e.g. to stop long-polling. */
  readonly signal: AbortSignal;
  /** Sleeps up to `ms`; a NOTIFY on a listened channel, `wake()`, losing the lock and stopping end it early. */
  sleep(ms: number): Promise<void>;
}

export interface SingleActiveWorkerOptions {
  /** For logs: "the deliverer", "the Telegram poller". */
  name: string;
  /** The advisory lock key (AdvisoryLock in api-common). */
  key: number;
  /** How to reach the database; every attempt opens a new connection with it. */
  connection: ClientConfig;
  /** Channels to LISTEN on while active (again after every reconnect). */
  channels?: string[];
  /** Between attempts to take the lock, and the first back-off after a failed body. */
  retryMs?: number;
  /** Longest back-off after repeated failures of the body. */
  maxBackoffMs?: number;
  /** How often the held connection is checked; a connection that cannot answer is given up. */
  heartbeatMs?: number;
  /** Once per acquisition, before the loop: e.g. repair what a previous holder left. Failing it gives the lock up. */
  onAcquired?: (lease: WorkerLease) => Promise<void>;
  /** One turn of the loop; called again and again while the lock is held. */
  body: (lease: WorkerLease) => Promise<void>;
  /**
   * When the loop ends (the lock was lost, or the worker stops), before the connection is closed: finish or hand
   * back the work under way, while the lock is, if the connection still lives, still this process's.
   */
  beforeRelease?: () => Promise<void> | void;
  onNotification?: (channel: string, payload?: string) => void;
  onStateChange?: (state: WorkerState) => void;
}

const DEFAULT_RETRY_MS = 2_000;
const DEFAULT_MAX_BACKOFF_MS = 60_000;
const DEFAULT_HEARTBEAT_MS = 5_000;
/** A connection that cannot even connect or answer within this long is as good as dead. */
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * One single-active worker: holds a PostgreSQL session advisory lock on a connection of its own and runs a loop
 * while holding it. Whoever holds the lock is the one process of the cluster doing the job (delivering
 * notifications, long-polling Telegram, housekeeping); the others stand by and one takes over when the holder's
 * connection ends, since PostgreSQL releases a session lock with its session.
 *
 * Every attempt uses a fresh connection: a connection that broke (the server restarted, the backend was
 * terminated) is dropped, never retried. A failing body never ends the loop: it is logged and retried after a
 * back-off, as long as the lock is held.
 */
export class SingleActiveWorker {
  private readonly logger: Logger;
  private readonly retryMs: number;
  private readonly maxBackoffMs: number;
  private readonly heartbeatMs: number;
  private current: WorkerState = 'standby';
  private stopping = false;
  private running?: Promise<void>;
  private client?: Client;
  private held = false;
  private abort?: AbortController;
  private sleeper?: () => void;
  private woken = false;
  private lastProblem?: string;

  constructor(private readonly options: SingleActiveWorkerOptions) {
    this.logger = new Logger(`SingleActiveWorker(${options.name})`);
    this.retryMs = options.retryMs ?? DEFAULT_RETRY_MS;
    this.maxBackoffMs = options.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS;
    this.heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  }

  get state(): WorkerState {
    return this.current;
  }

  /** Whether this process holds the lock right now, as far as it knows. */
  get active(): boolean {
    return this.held && !this.stopping;
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.run();
  }

  /** Ends the loop (waiting for the body's current turn) and releases the lock. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.abort?.abort();
    this.wake();
    await this.running;
    this.running = undefined;
  }

  /** Ends the current sleep (of the body, or between attempts) at once. */
  wake(): void {
    this.woken = true;
    this.sleeper?.();
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      const acquired = await this.acquire();
      if (!acquired) {
        await this.sleep(this.retryMs);
        continue;
      }
      // A holder that could not even start (its first statements failed) waits before the next attempt.
      if (!(await this.hold())) await this.sleep(this.retryMs);
    }
    this.setState(this.current === 'active' ? 'standby' : this.current);
  }

  /** A new connection, the lock on it, and LISTEN; false when the lock is another's or the database is away. */
  private async acquire(): Promise<boolean> {
    const client = new Client({
      ...this.options.connection,
      keepAlive: true,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      application_name: `deskgram ${this.options.name}`,
    });
    // An error on an idle client would otherwise be an uncaught 'error' event, which ends the process.
    client.on('error', () => this.lose(client));
    client.on('end', () => this.lose(client));
    try {
      await client.connect();
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
        this.options.key,
      ]);
      if (rows[0]?.locked !== true) {
        await client.end().catch(() => undefined);
        this.setState('standby');
        this.lastProblem = undefined;
        return false;
      }
      for (const channel of this.options.channels ?? [])
        await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
      client.on('notification', (message) => {
        this.options.onNotification?.(message.channel, message.payload);
        this.wake();
      });
      this.client = client;
      this.held = true;
      this.abort = new AbortController();
      this.lastProblem = undefined;
      return true;
    } catch (error) {
      this.client = undefined;
      await client.end().catch(() => undefined);
      const problem = messageOf(error);
      if (problem !== this.lastProblem) this.logger.warn(`Cannot reach the database: ${problem}; retrying`);
      this.lastProblem = problem;
      this.setState('down');
      return false;
    }
  }

  /**
   * Runs the body while the lock is held; then closes the connection, which releases the lock. Answers whether it
   * got as far as the loop.
   */
  private async hold(): Promise<boolean> {
    const lease = this.lease();
    let started = false;
    const heartbeat = setInterval(() => void this.checkConnection(), this.heartbeatMs);
    try {
      await this.options.onAcquired?.(lease);
      started = true;
      this.setState('active');
      let failures = 0;
      while (this.active) {
        try {
          await this.options.body(lease);
          failures = 0;
          // A turn that found nothing to await must not starve timers and I/O of the whole process.
          await new Promise((resolve) => setImmediate(resolve));
        } catch (error) {
          failures += 1;
          const delay = Math.min(this.maxBackoffMs, this.retryMs * 2 ** Math.min(failures - 1, 10));
          this.logger.error(`A turn failed: ${messageOf(error)}; next in ${Math.round(delay / 1000)} s`);
          await lease.sleep(delay);
        }
      }
    } catch (error) {
      this.logger.error(`Could not start after taking the lock: ${messageOf(error)}`);
    } finally {
      clearInterval(heartbeat);
      this.abort?.abort();
      try {
        await this.options.beforeRelease?.();
      } catch (error) {
        this.logger.error(`Cleaning up before releasing the lock failed: ${messageOf(error)}`);
      }
      const wasActive = this.current === 'active';
      await this.release();
      if (!this.stopping) {
        if (wasActive) this.logger.warn('Lost the lock (database connection); taking it again when possible');
        this.setState('down');
      }
    }
    return started;
  }

  private lease(): WorkerLease {
    const abort = this.abort ?? new AbortController();
    const isActive = () => this.active && !abort.signal.aborted;
    return {
      get active() {
        return isActive();
      },
      signal: abort.signal,
      sleep: (ms) => (isActive() ? this.sleep(ms) : Promise.resolve()),
    };
  }

  /** Asks the held connection a trivial question: a half-open connection would otherwise look held forever. */
  private async checkConnection(): Promise<void> {
    const client = this.client;
    if (!client || !this.held) return;
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('no answer')), CONNECT_TIMEOUT_MS).unref(),
    );
    try {
      await Promise.race([client.query('SELECT 1'), timeout]);
    } catch {
      this.lose(client);
    }
  }

  private lose(client: Client): void {
    if (this.client !== client) return;
    this.held = false;
    this.abort?.abort();
    this.wake();
  }

  private async release(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.held = false;
    this.abort?.abort();
    if (!client) return;
    client.removeAllListeners('notification');
    // Unlocking is a courtesy: ending the session releases the lock anyway, and on a dead connection neither answers.
    await Promise.race([
      client.query('SELECT pg_advisory_unlock_all()').then(() => client.end()),
      new Promise((resolve) => setTimeout(resolve, CONNECT_TIMEOUT_MS).unref()),
    ]).catch(() => undefined);
    // Whatever the courtesy did, the socket goes.
    (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
  }

  private setState(state: WorkerState): void {
    if (this.current === state) return;
    this.current = state;
    if (state === 'active') this.logger.log('This process is the active one');
    this.options.onStateChange?.(state);
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleeper = undefined;
        this.woken = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleeper = done;
    });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}

/** How the worker reaches the database a data source uses: the same server, on connections outside its pool. */
export function workerConnection(dataSource: DataSource): ClientConfig {
  const options = dataSource.options as {
    url?: string;
    host?: string;
    port?: number;
    username?: string;
    password?: string;
    database?: string;
  };
  if (options.url) return { connectionString: options.url };
  return {
    host: options.host,
    port: options.port,
    user: options.username,
    password: options.password,
    database: options.database,
  };
}
