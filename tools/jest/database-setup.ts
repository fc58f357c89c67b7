/**
 * Jest global setup for suites that need PostgreSQL: `DATABASE_URL` when it is set (CI points it at the machine's
 * server), else an embedded PostgreSQL started for this run in a temporary folder. Suites create their own
 * databases on it (libs/testing/harness).
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedDatabase } from '../../libs/api/database/src/lib/embedded-database';
import { TEST_SERVER_ENV } from '../../libs/testing/harness/src/lib/databases';

interface SetupState {
  embedded?: EmbeddedDatabase;
  dir?: string;
}

const state = globalThis as typeof globalThis & { __deskgramDatabase?: SetupState };

export default async function setup(): Promise<void> {
  if (process.env[TEST_SERVER_ENV]) return;
  if (process.env['DATABASE_URL']) {
    process.env[TEST_SERVER_ENV] = process.env['DATABASE_URL'];
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'deskgram-test-pg-'));
  // Run as root, PostgreSQL runs as the `postgres` user, which must be able to enter this folder.
  await chmod(dir, 0o755);
  const embedded = new EmbeddedDatabase(dir);
  process.env[TEST_SERVER_ENV] = await embedded.start();
  state.__deskgramDatabase = { embedded, dir };
}

export async function teardown(): Promise<void> {
  const current = state.__deskgramDatabase;
  if (!current) return;
  await current.embedded?.stop();
  if (current.dir) await rm(current.dir, { recursive: true, force: true });
  delete process.env[TEST_SERVER_ENV];
}
