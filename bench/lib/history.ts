/* eslint-disable no-console -- the comparison is printed: it is what `npm run bench` shows */
// Every bench run is kept in bench/history/<bench>/<date>-<commit>.json (committed: a few KB each), so that a
// regression shows as the difference between two commits' entries. `npm run bench` prints, for each bench, the run
// it just made beside the entry before it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface HistoryRow {
  measure: string;
  value: number | string;
  unit?: string;
  goal?: string;
  met?: boolean;
}

export interface HistoryEntry {
  bench: string;
  date: string;
  commit?: { sha: string; changed: boolean };
  results: HistoryRow[];
  [detail: string]: unknown;
}

/** The commit the figures belong to, and whether the code measured differed from it (uncommitted changes). */
export function currentCommit(root: string): { sha: string; changed: boolean } | undefined {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const sha = git('rev-parse', 'HEAD');
    // Results and history are what a run writes, not what it measures.
    const changed = git('status', '--porcelain', '--', '.', ':(exclude)bench/history', ':(exclude)bench/results');
    return { sha, changed: changed.length > 0 };
  } catch {
    return undefined;
  }
}

export function historyDir(root: string, bench: string): string {
  return join(root, 'bench', 'history', bench);
}

/** Writes the entry beside the earlier ones; the name sorts by date, so the last file is the latest run. */
export function keep(root: string, entry: HistoryEntry): string {
  const dir = historyDir(root, entry.bench);
  mkdirSync(dir, { recursive: true });
  const stamp = entry.date.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const sha = entry.commit ? `-${entry.commit.sha.slice(0, 7)}${entry.commit.changed ? '+' : ''}` : '';
  const file = join(dir, `${stamp}${sha}.json`);
  writeFileSync(file, `${JSON.stringify(entry, null, 2)}\n`);
  return relative(root, file);
}

/** The bench's entries, oldest first. */
export function entries(root: string, bench: string): Array<{ file: string; entry: HistoryEntry }> {
  const dir = historyDir(root, bench);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({
      file: relative(root, join(dir, name)),
      entry: JSON.parse(readFileSync(join(dir, name), 'utf8')) as HistoryEntry,
    }));
}

/** All benches that have a history. */
export function benches(root: string): string[] {
  const dir = join(root, 'bench', 'history');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((item) => item.isDirectory())
    .map((item) => item.name)
    .sort();
}

function label(entry: HistoryEntry): string {
  const sha = entry.commit ? `${entry.commit.sha.slice(0, 7)}${entry.commit.changed ? '+' : ''}` : 'no commit';
  return `${sha} ${entry.date.slice(0, 16).replace('T', ' ')}`;
}

function show(row: HistoryRow | undefined): string {
  if (!row) return '—';
  const value = typeof row.value === 'number' ? String(Number(row.value.toPrecision(4))) : row.value;
  return `${value}${row.unit ? ` ${row.unit}` : ''}`;
}

function change(before: HistoryRow | undefined, after: HistoryRow | undefined): string {
  if (typeof before?.value !== 'number' || typeof after?.value !== 'number') return '';
  if (before.value === 0) return after.value === 0 ? '=' : 'new';
  const percent = ((after.value - before.value) / Math.abs(before.value)) * 100;
  if (Math.abs(percent) < 0.05) return '=';
  return `${percent > 0 ? '+' : ''}${percent.toFixed(1)}%`;
}

function verdict(row: HistoryRow | undefined): string {
  if (row?.met === undefined) return '';
  return row.met ? 'met' : 'MISSED';
}

/**
 * A table of `after` beside `before`, measure by measure (a measure only one of them has is shown with a dash).
 * Whether a change is better or worse depends on the measure; the goal column says which way is good.
 */
export function comparison(before: HistoryEntry | undefined, after: HistoryEntry): string {
  const measures = [...after.results.map((row) => row.measure)];
  for (const row of before?.results ?? []) if (!measures.includes(row.measure)) measures.push(row.measure);
  const find = (entry: HistoryEntry | undefined, measure: string) =>
    entry?.results.find((row) => row.measure === measure);
  const header = ['measure', before ? label(before) : 'no earlier run', label(after), 'change', 'goal', ''];
  const cells = measures.map((measure) => {
    const old = find(before, measure);
    const now = find(after, measure);
    return [measure, show(old), show(now), change(old, now), now?.goal ?? old?.goal ?? '', verdict(now)];
  });
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((cell) => cell[i].length)));
  const line = (cell: string[]) => `| ${cell.map((text, i) => text.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}

/** Prints, for each bench, its latest entry beside the one before it (or beside `since`: a commit or a date). */
export function printComparisons(root: string, names = benches(root), since?: string): void {
  for (const name of names) {
    const all = entries(root, name);
    const latest = all[all.length - 1];
    if (!latest) {
      console.log(`\n${name}: no runs kept yet`);
      continue;
    }
    const earlier = all.slice(0, -1);
    const before = since
      ? [...earlier].reverse().find(({ file, entry }) => file.includes(since) || entry.date.startsWith(since))
      : earlier[earlier.length - 1];
    console.log(`\n${name}: ${before ? `${before.file} → ` : ''}${latest.file}`);
    console.log(comparison(before?.entry, latest.entry));
  }
}
