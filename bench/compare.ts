// `npm run bench:compare`: each bench's latest kept run beside the one before it.
// `npm run bench:compare -- 28f2f70` (or a date such as 2026-12-03): beside the latest run of that commit or day.
// `node bench/run.mjs compare api portal`: only those benches (what `npm run bench` uses after its runs).
import { ROOT } from './lib/bench';
import { benches, printComparisons } from './lib/history';

const known = benches(ROOT);
const args = process.argv.slice(2);
const names = args.filter((arg) => known.includes(arg));
const since = args.find((arg) => !known.includes(arg));
printComparisons(ROOT, names.length ? names : known, since);
