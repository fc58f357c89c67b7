// `npm run bench:<name>`: runs bench/<name>.ts under ts-node, so that the benches can use the TypeScript test
// harness and the Telegram double as the integration tests do. Nothing is built here: run `npm run build` first.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const name = process.argv[2];
const script = join(root, 'bench', `${name}.ts`);
if (!name || !existsSync(script)) {
  console.error('usage: node bench/run.mjs <delivery|latency|api|portal>');
  process.exit(2);
}
const run = spawnSync(
  process.execPath,
  ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', script, ...process.argv.slice(3)],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      TS_NODE_PROJECT: join(root, 'bench', 'tsconfig.json'),
      TS_NODE_TRANSPILE_ONLY: 'true',
    },
  },
);
process.exit(run.status ?? 1);
