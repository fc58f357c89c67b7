// `npm run bench:<name>`: runs bench/<name>.ts under ts-node, so that the benches can use the TypeScript test
// harness and the Telegram double as the integration tests do. Nothing is built here: run `npm run build` first.
//
// `npm run bench` (`node bench/run.mjs all`) runs every bench in turn, the delivery bench twice (1,000 chats, then the
// 100,000-deliveries backlog), and prints each run beside the one kept before it in bench/history/.
// `npm run bench:compare [-- <commit or date>]` prints that comparison again without running anything.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const name = process.argv[2];

/** What `npm run bench` runs, in order: [bench file, extra environment, the name its history is kept under]. */
const ALL = [
  ['delivery', {}, 'delivery'],
  ['delivery', { BENCH_BACKLOG: '100000' }, 'delivery-backlog'],
  ['latency', {}, 'latency'],
  ['api', {}, 'api'],
  ['portal', {}, 'portal'],
];

function run(script, args = [], env = {}) {
  const result = spawnSync(
    process.execPath,
    ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', join(root, 'bench', script), ...args],
    {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        ...env,
        TS_NODE_PROJECT: join(root, 'bench', 'tsconfig.json'),
        TS_NODE_TRANSPILE_ONLY: 'true',
      },
    },
  );
  return result.status ?? 1;
}

if (name === 'all') {
  const failed = [];
  for (const [bench, env, kept] of ALL) {
    console.log(`\n=== bench:${bench}${Object.keys(env).length ? ` (${new URLSearchParams(env)})` : ''} ===`);
    if (run(`${bench}.ts`, [], env) !== 0) failed.push(kept);
  }
  console.log('\n=== every bench beside its previous run (bench/history) ===');
  run(
    'compare.ts',
    ALL.map(([, , kept]) => kept).filter((kept) => !failed.includes(kept)),
  );
  if (failed.length) console.error(`\nThese benches failed: ${failed.join(', ')}`);
  process.exit(failed.length ? 1 : 0);
}

if (name === 'compare') process.exit(run('compare.ts', process.argv.slice(3)));
if (!name || !existsSync(join(root, 'bench', `${name}.ts`))) {
  console.error('usage: node bench/run.mjs <all|delivery|latency|api|portal|compare>');
  process.exit(2);
}
process.exit(run(`${name}.ts`, process.argv.slice(3)));
