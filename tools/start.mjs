// `npm start`: builds what changed, then runs the API + portal. `npm run sandbox` (or `SANDBOX=true npm start`) runs
// the Telegram sandbox instead: the same app with Telegram played in-process, demo people linked, and /sandbox.
// Either way the built program replaces this one's work: signals reach it, and its exit status is ours.
import { spawn, spawnSync } from 'node:child_process';

const sandbox = process.argv.includes('--sandbox') || /^(true|1|yes|on)$/i.test(process.env.SANDBOX ?? '');
const nx = (...args) => spawnSync('npx', ['nx', ...args, '--output-style=static'], { stdio: 'inherit' }).status;
let status = nx('run-many', '-t', 'build', '-p', 'api,portal');
// The sandbox's own bundle, after its page (sandbox-web), which the target depends on.
if (status === 0 && sandbox) status = nx('run', 'api:build-sandbox');
if (status !== 0) process.exit(status ?? 1);

// As `npm run start:prod` and the Docker image run it: V8's heap kept small (docs/architecture.md, "Memory").
const child = spawn(
  process.execPath,
  [
    '--max-semi-space-size=4',
    '--max-old-space-size=192',
    sandbox ? 'dist/apps/sandbox/main.js' : 'dist/apps/api/main.js',
  ],
  {
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
