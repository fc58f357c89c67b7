import type { DataSource, QueryRunner } from 'typeorm';

/** The bits of node-postgres's client the lock uses: events, and notifications for LISTEN. */
export interface LockConnection {
  on(event: 'notification', listener: (message: { channel: string; payload?: string }) => void): unknown;
  on(event: 'error' | 'end', listener: () => void): unknown;
  removeAllListeners(event?: string): unknown;
}

/**
 * A session-level PostgreSQL advisory lock on a connection of its own: whoever holds it is the one active poller or
 * deliverer of the cluster. PostgreSQL releases it when that connection ends, so when the holder dies another
 * replica's next `tryAcquire` succeeds.
 */
export class SessionLock {
  private runner?: QueryRunner;
  private client?: LockConnection;
  private held = false;

  constructor(
    private readonly dataSource: DataSource,
    readonly key: number,
  ) {}

  /** Whether this process holds the lock, as far as it knows (a broken connection ends it). */
  get isHeld(): boolean {
    return this.held;
  }

  /** The lock's own connection, e.g. to `LISTEN` on while holding it. */
  get connection(): LockConnection | undefined {
    return this.held ? this.client : undefined;
  }

  async tryAcquire(): Promise<boolean> {
    if (this.held) return true;
    if (!this.runner) {
      this.runner = this.dataSource.createQueryRunner();
      this.client = (await this.runner.connect()) as LockConnection;
      const lost = () => {
        this.held = false;
      };
      this.client.on('error', lost);
      this.client.on('end', lost);
    }
    const [row] = (await this.runner.query('SELECT pg_try_advisory_lock($1) AS locked', [this.key])) as Array<{
      locked: boolean;
    }>;
    this.held = row?.locked === true;
    return this.held;
  }

  /** Runs a statement on the lock's connection (e.g. `LISTEN channel`). */
  async query(sql: string): Promise<void> {
    if (!this.runner) throw new Error('The lock has no connection');
    await this.runner.query(sql);
  }

  async release(): Promise<void> {
    const runner = this.runner;
    this.runner = undefined;
    this.held = false;
    this.client?.removeAllListeners('notification');
    this.client = undefined;
    if (!runner) return;
    await runner.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
    await runner.release().catch(() => undefined);
  }
}
