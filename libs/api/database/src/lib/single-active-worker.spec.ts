import { createTestDatabase, type TestDatabase } from '@deskgram/testing/harness';
import { Client } from 'pg';
import { SingleActiveWorker, type SingleActiveWorkerOptions, type WorkerState } from './single-active-worker';

const KEY = 7_770_001;

/** Polls until `check` holds; the worker runs asynchronously to the test. */
async function until(check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('SingleActiveWorker', () => {
  let database: TestDatabase;
  let admin: Client;
  const workers: SingleActiveWorker[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    admin = new Client({ connectionString: database.url });
    await admin.connect();
  });

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.stop()));
  });

  afterAll(async () => {
    await admin?.end();
    await database?.drop();
  });

  function worker(overrides: Partial<SingleActiveWorkerOptions> = {}): SingleActiveWorker {
    const created = new SingleActiveWorker({
      name: 'test',
      key: KEY,
      connection: { connectionString: database.url },
      retryMs: 50,
      heartbeatMs: 200,
      body: (lease) => lease.sleep(1_000),
      ...overrides,
    });
    workers.push(created);
    return created;
  }

  /**
   * The backend pids holding the test's lock in this test's database: an advisory lock belongs to a database, and
   * pg_locks shows the whole server's, where another run may hold the same key at the same time.
   */
  async function holders(): Promise<number[]> {
    const { rows } = await admin.query<{ pid: number }>(
      `SELECT pid FROM pg_locks
        WHERE locktype = 'advisory' AND objid = $1 AND granted
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      [KEY],
    );
    return rows.map((row) => row.pid);
  }

  it('runs the body while it holds the lock, and a second instance stands by until the first stops', async () => {
    let turnsOfFirst = 0;
    const first = worker({
      body: async (lease) => {
        turnsOfFirst += 1;
        await lease.sleep(30);
      },
    });
    first.start();
    await until(() => first.state === 'active' && turnsOfFirst > 2);
    let turnsOfSecond = 0;
    const second = worker({
      body: async (lease) => {
        turnsOfSecond += 1;
        await lease.sleep(30);
      },
    });
    second.start();
    await until(() => second.state === 'standby');
    expect(first.state).toBe('active');
    expect(turnsOfSecond).toBe(0);
    expect(await holders()).toHaveLength(1);

    await first.stop();
    await until(() => second.state === 'active' && turnsOfSecond > 0);
    expect(await holders()).toHaveLength(1);
  });

  it('stop releases the lock and the connection', async () => {
    const one = worker();
    one.start();
    await until(() => one.state === 'active');
    expect(await holders()).toHaveLength(1);
    await one.stop();
    expect(await holders()).toEqual([]);
    const { rows } = await admin.query(
      `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'deskgram test'`,
    );
    expect(rows).toEqual([]);
  });

  it('recovers on a fresh connection when its lock connection is killed, and listens again', async () => {
    const states: WorkerState[] = [];
    const heard: string[] = [];
    let releases = 0;
    let acquisitions = 0;
    const one = worker({
      channels: ['worker_test'],
      onStateChange: (state) => states.push(state),
      onNotification: (_channel, payload) => heard.push(payload ?? ''),
      onAcquired: async () => {
        acquisitions += 1;
      },
      beforeRelease: () => {
        releases += 1;
      },
    });
    one.start();
    await until(() => one.state === 'active');
    await admin.query(`NOTIFY worker_test, 'before'`);
    await until(() => heard.includes('before'));

    const [pid] = await holders();
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    await until(async () => {
      const now = await holders();
      return acquisitions === 2 && one.state === 'active' && now.length === 1 && now[0] !== pid;
    });
    expect(releases).toBe(1);
    expect(states).toContain('down');
    await admin.query(`NOTIFY worker_test, 'after'`);
    await until(() => heard.includes('after'));
  });

  it('a failing body never ends the loop', async () => {
    let turns = 0;
    const one = worker({
      body: async (lease) => {
        turns += 1;
        if (turns < 3) throw new Error('boom');
        await lease.sleep(10);
      },
    });
    one.start();
    await until(() => turns >= 4);
    expect(one.state).toBe('active');
  });

  it('a NOTIFY or wake() ends the body’s sleep early', async () => {
    let turns = 0;
    const one = worker({
      channels: ['worker_wake'],
      body: async (lease) => {
        turns += 1;
        await lease.sleep(60_000);
      },
    });
    one.start();
    await until(() => turns === 1 && one.state === 'active');
    await admin.query('NOTIFY worker_wake');
    await until(() => turns === 2);
    one.wake();
    await until(() => turns === 3);
  });

  it('gives the lock up when its start fails, waits, and tries again on a new connection', async () => {
    let attempts = 0;
    const one = worker({
      retryMs: 100,
      onAcquired: async () => {
        attempts += 1;
        if (attempts < 3) throw new Error('the repair failed');
      },
    });
    const started = Date.now();
    one.start();
    await until(() => one.state === 'active');
    expect(attempts).toBe(3);
    // Two waits of the retry interval in between, not a tight loop.
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(await holders()).toHaveLength(1);
  });

  it('is down while the database cannot be reached, and keeps trying', async () => {
    const one = worker({ connection: { host: '127.0.0.1', port: 1, user: 'nobody', database: 'none' } });
    one.start();
    await until(() => one.state === 'down');
    await one.stop();
    expect(one.state).toBe('down');
  });
});
