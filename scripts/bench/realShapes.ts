import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { WorkspaceIndex } from '../../src/core/index/workspaceIndex';
import { computeMetrics } from '../../src/core/metrics';
import { median, spawnNode, timeMedian, timeWallAndCpu } from './measure';
import { libraryRows } from './library';
import { realShapedSet } from './realSet';

type Row = (what: string, ours: string, theirs: string, note: string) => void;

/** The machine is shared: every number is printed with the load it was taken under. */
export function load(): string {
  return `load ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} cores`;
}

/**
 * Issue 10, item 6: `postmortem lint` against markdownlint-cli2 (its default rules) on exactly the
 * same real-shaped files in the same run (see realSet.ts), runs interleaved so a change in the
 * machine's load hits both; wall and CPU (all threads) of each, medians of three. Then the
 * workspace index and the metrics over the same files, in-process. Goals: lint ≥ 4× faster than
 * markdownlint-cli2 and ≤ 2 s wall for 2,000 files on 2 cores; index build and metrics < 0.5 s each.
 */
export function realShapedFiles(repo: string, dir: string, count: number, cli: string, now: Date, row: Row, fmt: (ms: number) => string): void {
  const set = realShapedSet(repo, count);
  const folder = join(dir, 'postmortems');
  mkdirSync(folder, { recursive: true });
  for (const f of set.files) writeFileSync(join(folder, f.name), f.text);
  console.log(`Real-shaped set: ${set.description}, in ${dir}`);

  const cli2 = join(repo, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  const ours: ReturnType<typeof spawnNode>[] = [];
  const theirs: ReturnType<typeof spawnNode>[] = [];
  const loadBefore = load();
  for (let r = 0; r < 3; r++) {
    ours.push(spawnNode([cli, 'lint', 'postmortems', '--format', 'json', '--now', now.toISOString()], dir));
    theirs.push(spawnNode([cli2, 'postmortems/**/*.md'], dir));
  }
  if (ours.some((r) => r.code !== 0 && r.code !== 1)) console.log(`  postmortem lint failed: ${ours[0]!.stderr.slice(0, 500)}`);
  if (theirs.some((r) => r.code !== 0 && r.code !== 1)) console.log(`  markdownlint-cli2 failed: ${theirs[0]!.stderr.slice(0, 500)}`);
  const wall = [median(ours.map((r) => r.ms)), median(theirs.map((r) => r.ms))] as const;
  const cpu = [median(ours.map((r) => r.cpuMs)), median(theirs.map((r) => r.cpuMs))] as const;
  const ratio = wall[1] / wall[0];
  const lintMet = ratio >= 4 && wall[0] <= 2000;
  row(
    `real shapes: postmortem lint over ${count} files vs markdownlint-cli2 (wall)`, fmt(wall[0]), fmt(wall[1]),
    `markdownlint-cli2/ours ${ratio.toFixed(2)}×; goal ≥ 4× and ≤ 2 s: ${lintMet ? 'MET' : 'NOT MET'} (${loadBefore} → ${load()})`,
  );
  row(`real shapes: the same runs, CPU time (user + system, all threads)`, fmt(cpu[0]), fmt(cpu[1]), `markdownlint-cli2/ours ${(cpu[1] / cpu[0]).toFixed(2)}×`);

  indexRows(folder, count, now, row, fmt);
}

/**
 * Index build, metrics, library, similarity and one file's update over the same real-shaped files
 * (issue 10 item 6: index and metrics < 0.5 s each; issue 15: library + similarity < 1 s, one file
 * < 20 ms), in-process, each with the load average it was measured under.
 * `node dist/bench.js index` runs only these rows.
 */
export function indexRows(folder: string, count: number, now: Date, row: Row, fmt: (ms: number) => string): void {
  const texts = readdirSync(folder).sort().map((f) => [join(folder, f), readFileSync(join(folder, f), 'utf8')] as const);
  const both = (t: { wall: number; cpu: number }) => `${fmt(t.wall)} wall, ${fmt(t.cpu)} CPU`;
  const met = (t: { wall: number; cpu: number }, goal: number) => (t.wall < goal ? 'MET' : t.cpu < goal ? 'MET in CPU time, not in wall time at this load' : 'NOT MET');
  const read = timeWallAndCpu(() => {
    for (const [f] of texts) readFileSync(f, 'utf8');
  }, 3, 1);
  const build = timeWallAndCpu(() => buildIndex(texts), 5, 2);
  const index = buildIndex(texts);
  row(`real shapes: index build, ${count} files (in-process, texts already read)`, both(build), both(read), `baseline: reading the files; goal < 500 ms: ${met(build, 500)}; ${index.openItems().length} open items (${load()})`);
  const sources = [...index.entries()].map(([uri, summary]) => ({ uri, summary }));
  const metrics = timeWallAndCpu(() => computeMetrics(sources, { now: now.toISOString() }), 5, 1);
  row(`real shapes: metrics from the index, ${count} files`, both(metrics), both(build), `baseline: the index build; goal < 500 ms: ${met(metrics, 500)} (${load()})`);
  libraryRows(index, build, texts, row, fmt, load);
}

/** The workspace index built over already-read texts, as the extension's tree does it, and the median time of a build. */
export function timedIndexBuild(texts: readonly (readonly [string, string])[]): { index: WorkspaceIndex; ms: number } {
  return { ms: timeMedian(() => buildIndex(texts), 3, 1), index: buildIndex(texts) };
}

function buildIndex(texts: readonly (readonly [string, string])[]): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [f, t] of texts) index.set(f, t);
  return index;
}
