import { startApi } from '@deskgram/testing/harness';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/**
 * `npm start` without DATABASE_URL: the API runs its own PostgreSQL under the data folder, keeps the data between
 * runs, and recovers when it was killed and left the server behind.
 */
// Its own setup rather than useTestEnvironment: no DATABASE_URL, the API starts its embedded PostgreSQL three times.
describe('the embedded database', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'deskgram-embedded-'));
    await chmod(dataDir, 0o755);
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  /** Connects to the embedded server the way an operator with a shell would: port from postmaster.pid. */
  async function embeddedClient(): Promise<Client> {
    const { password } = JSON.parse(await readFile(join(dataDir, 'postgres', 'secrets.json'), 'utf8'));
    const pid = await readFile(join(dataDir, 'postgres', 'pgdata', 'postmaster.pid'), 'utf8');
    const port = Number(pid.split('\n')[3]);
    const client = new Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'deskgram' });
    await client.connect();
    return client;
  }

  it('starts without DATABASE_URL, keeps data across restarts, and survives a killed run', async () => {
    const first = await startApi({ env: { DATA_DIR: dataDir }, timeoutMs: 120_000 });
    let client = await embeddedClient();
    await client.query('CREATE TABLE kept (note text)');
    await client.query("INSERT INTO kept VALUES ('written by the first run')");
    const migrated = (await client.query('SELECT count(*)::int AS n FROM migrations')).rows[0].n;
    expect(migrated).toBeGreaterThan(0);
    await client.end();
    expect(await first.stop()).toBe(0);

    const second = await startApi({ env: { DATA_DIR: dataDir }, timeoutMs: 120_000 });
    client = await embeddedClient();
    expect((await client.query('SELECT note FROM kept')).rows).toEqual([{ note: 'written by the first run' }]);
    // The second start found every migration applied and ran none again.
    expect((await client.query('SELECT count(*)::int AS n FROM migrations')).rows[0].n).toBe(migrated);
    await client.end();
    // No shutdown at all: the PostgreSQL it started keeps running without its parent.
    await second.kill();

    const third = await startApi({ env: { DATA_DIR: dataDir }, timeoutMs: 120_000 });
    const health = await (await fetch(`${third.baseUrl}/api/health`)).json();
    expect(health.info.database.status).toBe('up');
    client = await embeddedClient();
    expect((await client.query('SELECT count(*)::int AS n FROM kept')).rows[0].n).toBe(1);
    await client.end();
    expect(await third.stop()).toBe(0);
  });
});
