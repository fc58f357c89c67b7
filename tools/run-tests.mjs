// `npm test`: every test of every project (unit, integration on PostgreSQL, browser), never from cache, then one
// closing line for the whole run. Extra arguments go to `nx run-many` (e.g. `-- -p api-e2e`).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const resultsDir = join(import.meta.dirname, '..', 'tmp', 'test-results');
rmSync(resultsDir, { recursive: true, force: true });

const args = ['nx', 'run-many', '-t', 'test', '--skip-nx-cache', '--parallel=2', '--output-style=static'];
const run = spawnSync('npx', [...args, ...process.argv.slice(2)], { stdio: 'inherit' });

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(resultsDir)) {
  for (const file of readdirSync(resultsDir)) {
    const summary = JSON.parse(readFileSync(join(resultsDir, file), 'utf8'));
    passed += summary.passed;
    failed += summary.failed;
    skipped += summary.skipped;
  }
}
const status = run.status ?? 1;
// A project that could not run at all has no counts of its own: count it as a failure rather than hide it.
if (status !== 0 && failed === 0) failed = 1;
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(status);
