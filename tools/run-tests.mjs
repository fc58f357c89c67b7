// `npm test`: every test of every project (unit, integration on PostgreSQL, browser), never from cache, then one
// closing line for the whole run. One project alone: `npx nx test <project>`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const resultsDir = join(import.meta.dirname, '..', 'tmp', 'test-results');
rmSync(resultsDir, { recursive: true, force: true });

// Unit and component tests two at a time; then the suites that start the API and a browser, one at a time, so
// that they do not starve each other of the machine's CPU.
const E2E = ['api-e2e', 'portal-e2e'];
const common = ['nx', 'run-many', '-t', 'test', '--skip-nx-cache', '--output-style=static'];
const unit = spawnSync('npx', [...common, '--parallel=2', `--exclude=${E2E.join(',')}`], { stdio: 'inherit' });
const e2e = spawnSync('npx', [...common, '--parallel=1', `--projects=${E2E.join(',')}`], { stdio: 'inherit' });
const run = { status: (unit.status ?? 1) || (e2e.status ?? 1) };

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
