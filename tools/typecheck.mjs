// Type-checks every project with its own tsconfig files (application/library and specs), two at a time.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const configs = [];
function walk(dir) {
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) walk(path);
    else if (/^tsconfig\.(app|lib|spec)\.json$/.test(entry)) configs.push(path);
  }
}
walk(join(root, 'apps'));
walk(join(root, 'libs'));
// The harness and the benches have no project of their own.
for (const dir of ['libs/testing/harness', 'bench']) configs.push(join(root, dir, 'tsconfig.json'));

const failures = [];
async function check(config) {
  const name = relative(root, config);
  return new Promise((done) => {
    const child = spawn('npx', ['tsc', '--noEmit', '-p', config], { cwd: root });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => {
      console.log(`${code === 0 ? 'ok  ' : 'FAIL'} ${name}`);
      if (code !== 0) failures.push(`${name}\n${output}`);
      done();
    });
  });
}
const queue = [...configs];
await Promise.all(
  [0, 1].map(async () => {
    while (queue.length) await check(queue.shift());
  }),
);
if (failures.length) {
  console.error(`\n${failures.join('\n')}`);
  process.exit(1);
}
