import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkspaceIndex } from '../../src/core/index/workspaceIndex';
import { computeMetrics } from '../../src/core/metrics';
import { median, spawnNode, timeMedian } from './measure';

type Row = (what: string, ours: string, theirs: string, note: string) => void;

/**
 * Issue 10, item 6: the same measurements on post-mortems shaped like real ones — copies of
 * examples/postmortems (front matter with the review record, tables, HTML comments, fishbones and
 * fault trees, long timelines) — not only on the generated "typical" files, which flattered us
 * (6× against markdownlint-cli2 there, 0.76× on real shapes in the trial that filed the issue).
 * Each copy gets its own id and title so the index and the metrics see 2,000 incidents.
 */
export function realShapedFiles(repo: string, dir: string, count: number, cli: string, now: Date, row: Row, fmt: (ms: number) => string): void {
  const source = join(repo, 'examples', 'postmortems');
  const originals = readdirSync(source).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(source, f), 'utf8'));
  const folder = join(dir, 'postmortems');
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < count; i++) {
    const text = originals[i % originals.length]!
      .replace(/^id: (.+)$/m, (_, id: string) => `id: ${id}-${i}`)
      .replace(/^title: (.+)$/m, (_, t: string) => `title: ${t} (${i})`);
    writeFileSync(join(folder, `real-${String(i).padStart(4, '0')}.md`), text);
  }
  const lines = originals.reduce((n, t) => n + t.split('\n').length, 0) / originals.length;
  console.log(`${count} copies of the ${originals.length} example post-mortems (~${Math.round(lines)} lines each) in ${dir}`);

  const ours = [0, 1, 2].map(() => spawnNode([cli, 'lint', 'postmortems', '--format', 'json', '--now', now.toISOString()], dir));
  const oursMs = median(ours.map((r) => r.ms));
  if (ours.some((r) => r.code !== 0 && r.code !== 1)) console.log(`  postmortem lint failed: ${ours[0]!.stderr.slice(0, 500)}`);
  const cli2 = join(repo, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  const theirs = [0, 1].map(() => spawnNode([cli2, 'postmortems/**/*.md'], dir));
  const theirsMs = median(theirs.map((r) => r.ms));
  row(`real shapes: postmortem lint over ${count} files vs markdownlint-cli2`, fmt(oursMs), fmt(theirsMs), `markdownlint-cli2/ours ${(theirsMs / oursMs).toFixed(2)}× (goal ≥ 4×, ≤ 2 s)`);

  const texts = readdirSync(folder).map((f) => [join(folder, f), readFileSync(join(folder, f), 'utf8')] as const);
  const { index, ms: build } = timedIndexBuild(texts);
  const sources = [...index.entries()].map(([uri, summary]) => ({ uri, summary }));
  const metrics = timeMedian(() => computeMetrics(sources, { now: now.toISOString() }), 3, 1);
  row(`real shapes: index build / metrics from the index, ${count} files (in-process)`, fmt(build), fmt(metrics), `goal: each < 500 ms; ${index.openItems().length} open items`);
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
