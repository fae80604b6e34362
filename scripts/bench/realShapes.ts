import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { WorkspaceIndex } from '../../src/core/index/workspaceIndex';
import { computeMetrics } from '../../src/core/metrics';
import { median, spawnNode, timeMedian } from './measure';
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

  const texts = readdirSync(folder).map((f) => [join(folder, f), readFileSync(join(folder, f), 'utf8')] as const);
  const { index, ms: build } = timedIndexBuild(texts);
  const sources = [...index.entries()].map(([uri, summary]) => ({ uri, summary }));
  const metrics = timeMedian(() => computeMetrics(sources, { now: now.toISOString() }), 3, 1);
  const met = build < 500 && metrics < 500;
  row(`real shapes: index build / metrics from the index, ${count} files (in-process)`, fmt(build), fmt(metrics), `goal: each < 500 ms: ${met ? 'MET' : 'NOT MET'}; ${index.openItems().length} open items (${load()})`);
}

/** The workspace index built over already-read texts, as the extension's tree does it, and the median time of a build. */
export function timedIndexBuild(texts: readonly (readonly [string, string])[]): { index: WorkspaceIndex; ms: number } {
  const build = () => {
    const index = new WorkspaceIndex();
    for (const [f, t] of texts) index.set(f, t);
    return index;
  };
  return { ms: timeMedian(build, 3, 1), index: build() };
}
