// `npm run bench`: the speed goals of the foundation issue, measured side by side in one run.
// Numbers are medians of several runs where a run is cheap; spawned CLIs are timed end to end.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint as markdownlintSync } from 'markdownlint/sync';
import { parseWholeMarkdown } from '../../src/core/document/markdown';
import { SectionCache } from '../../src/core/document/parse';
import { lintText } from '../../src/core/lint/engine';
import { walkMarkdown } from '../../src/cli/files/expand';
import { bundleRows } from './bundles';
import { deepListRows } from './deepLists';
import { bigPostmortem, typicalPostmortem } from './generate';
import { median, rssMb, spawnNode, timeMedian } from './measure';
import { indexRows, realShapedFiles, timedIndexBuild } from './realShapes';
import { realShapedSet } from './realSet';

const now = new Date('2026-11-27T12:00:00Z');
const repo = join(__dirname, '..');
const cli = join(repo, 'dist', 'cli.js');
const rows: [string, string, string, string][] = [];
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const mb = (v: number) => (Number.isFinite(v) ? `${v.toFixed(0)} MB` : 'n/a');
const row = (what: string, ours: string, theirs: string, note: string) => {
  rows.push([what, ours, theirs, note]);
  console.log(`  ${what}: ${ours} | ${theirs} | ${note}`);
};

function bigFile(): void {
  const text = bigPostmortem();
  console.log(`Big file: ${text.split('\n').length} lines, ${(text.length / 1024).toFixed(0)} KB`);
  const parse = timeMedian(() => parseWholeMarkdown(text), 7, 2);
  const cold = timeMedian(() => lintText(text, { now, workspace: { knownIds: new Set() } }), 7, 2);
  row('cold lint vs bare remark parse (big file)', fmt(cold), fmt(parse), `ratio ${(cold / parse).toFixed(2)}× (goal ≤ 1.3×)`);

  const mdl = timeMedian(() => markdownlintSync({ strings: { big: text } }), 5, 1);
  const cache = new SectionCache();
  lintText(text, { now, cache });
  const lines = text.split('\n');
  const timelineLine = lines.findIndex((l) => l.startsWith('- 2026-11-20 15:'));
  const edits: number[] = [];
  for (let i = 0; i < 15; i++) {
    const edited = [...lines];
    edited[timelineLine] = `${lines[timelineLine]} edit ${i}`;
    const t = performance.now();
    lintText(edited.join('\n'), { now, cache });
    edits.push(performance.now() - t);
  }
  const relint = median(edits);
  row('re-lint after a one-line edit (SectionCache) vs markdownlint default rules', fmt(relint), fmt(mdl), `markdownlint/ours ${(mdl / relint).toFixed(1)}× (goal ≤ 30 ms, ~10×)`);
  console.log(`  bench process RSS after big-file runs: ${mb(rssMb())}`);
}

function manyFiles(dir: string, count: number): void {
  mkdirSync(join(dir, 'postmortems'), { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(join(dir, 'postmortems', `pm-${String(i).padStart(4, '0')}.md`), typicalPostmortem(i));
  console.log(`${count} typical files (~${typicalPostmortem(0).split('\n').length} lines each) in ${dir}; ${availableParallelism()} cores`);

  const ours = [0, 1, 2].map(() => spawnNode([cli, 'lint', 'postmortems', '--format', 'json', '--now', now.toISOString()], dir));
  const oursMs = median(ours.map((r) => r.ms));
  if (ours.some((r) => r.code !== 0 && r.code !== 1)) console.log(`  postmortem lint failed: ${ours[0].stderr.slice(0, 500)}`);
  const cli2 = join(repo, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  const theirs = [0, 1].map(() => spawnNode([cli2, 'postmortems/**/*.md'], dir));
  const theirsMs = median(theirs.map((r) => r.ms));
  row(`postmortem lint over ${count} files vs markdownlint-cli2`, fmt(oursMs), fmt(theirsMs), `goal < 5 s; ratio ${(oursMs / theirsMs).toFixed(2)}×; peak RSS ${mb(Math.max(...ours.map((r) => r.peakRssMb)))} vs ${mb(Math.max(...theirs.map((r) => r.peakRssMb)))}`);
  if (lintOnly) return;

  const actions = [0, 1, 2].map(() => spawnNode([cli, 'actions', 'postmortems', '--format', 'json', '--now', now.toISOString()], dir));
  const actionsMs = median(actions.map((r) => r.ms));
  const read = [0, 1, 2].map(() => spawnNode(['-e', `const fs=require('fs'),p=require('path');const d=p.join(process.cwd(),'postmortems');for(const f of fs.readdirSync(d))fs.readFileSync(p.join(d,f),'utf8')`], dir));
  const readMs = median(read.map((r) => r.ms));
  row(`postmortem actions over ${count} files vs just reading them (spawned node)`, fmt(actionsMs), fmt(readMs), `ratio ${(actionsMs / readMs).toFixed(1)}× (goal < 1 s); peak RSS ${mb(Math.max(...actions.map((r) => r.peakRssMb)))} vs ${mb(Math.max(...read.map((r) => r.peakRssMb)))}`);

  // In-process index build, as the extension's tree does it (files already read).
  const texts = walkMarkdown(join(dir, 'postmortems')).map((f) => [f, readFileSync(f, 'utf8')] as const);
  const { index, ms: build } = timedIndexBuild(texts);
  const one = timeMedian(() => index.set(texts[0][0], `${texts[0][1]}\n- [ ] new item @bob ${Math.random()}`), 20, 2);
  row('WorkspaceIndex: build over the texts / update one file (in-process)', fmt(build), fmt(one), `${index.openItems().length} open items indexed (library and similarity rows: on the real-shaped set below)`);
}

/** What the extension ships, read from the built files (goal for the web bundle: < 1 MB, no Mermaid). */
function bundles(): void {
  console.log('Bundle sizes (minified, from dist/ and media/dist/)');
  try {
    for (const [what, ours, theirs, note] of bundleRows(repo)) row(what, ours, theirs, note);
  } catch (e) {
    console.log(`  failed: ${(e as Error).message}`);
  }
  // Activation needs a real extension host (a stubbed `vscode` would time the stub, not VS Code).
  console.log('  activation time: measured in the extension host by test/integration/suite/activation.itest.ts ("activate() took … ms"; `node test/integration/run.mjs --only node`)');
}

/** `node dist/bench.js lint`: only the lint rows (big file, 2,000 files), for quick before/after runs. */
const lintOnly = process.argv.includes('lint');

async function main(): Promise<void> {
  console.log('postmortem bench (ours | baseline | note)\n');
  if (process.argv.includes('index')) {
    // `node dist/bench.js index`: only the index, metrics, library and similarity rows on the real-shaped set.
    const only = mkdtempSync(join(tmpdir(), 'pm-bench-index-'));
    try {
      const set = realShapedSet(repo, 2000);
      mkdirSync(join(only, 'postmortems'));
      for (const f of set.files) writeFileSync(join(only, 'postmortems', f.name), f.text);
      console.log(`Real-shaped set: ${set.description}`);
      indexRows(join(only, 'postmortems'), set.files.length, now, row, fmt);
    } finally {
      rmSync(only, { recursive: true, force: true });
    }
    return;
  }
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `node scripts/build.mjs` first (npm run bench does).');
  if (process.argv.includes('real')) {
    // `node dist/bench.js real`: only the real-shaped rows (issue 10, item 6).
    // `--keep`: leave the files for profiling (`node --cpu-prof dist/cli.js lint postmortems` there).
    const only = mkdtempSync(join(tmpdir(), 'pm-bench-real-'));
    try {
      realShapedFiles(repo, only, 2000, cli, now, row, fmt);
    } finally {
      if (process.argv.includes('--keep')) console.log(`kept ${only}`);
      else rmSync(only, { recursive: true, force: true });
    }
    return;
  }
  bigFile();
  console.log('\nHostile lists');
  deepListRows(row, fmt);
  console.log('');
  const dir = mkdtempSync(join(tmpdir(), 'pm-bench-'));
  try {
    manyFiles(dir, 2000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log('');
  const realDir = mkdtempSync(join(tmpdir(), 'pm-bench-real-'));
  try {
    realShapedFiles(repo, realDir, 2000, cli, now, row, fmt);
  } finally {
    rmSync(realDir, { recursive: true, force: true });
  }
  if (!lintOnly) {
    console.log('');
    bundles();
    await runOtherBenches();
  }
  console.log('\nSummary');
  for (const [what, ours, theirs, note] of rows) console.log(`| ${what} | ${ours} | ${theirs} | ${note} |`);
}

/** The other areas' benches (their own files), printed after ours. */
async function runOtherBenches(): Promise<void> {
  const others: [string, () => Promise<Record<string, number | string>>][] = [
    ['Diagrams', async () => (await import('./diagrams')).benchDiagrams()],
    ['Fault-tree analysis at scale (before = previous construction on the same engine)', async () => (await import('./faultTreeScale')).benchFaultTreeScale()],
    ['Metrics and import', async () => (await import('./metrics')).benchMetrics()],
    ['Diagram editor in Chromium, beside stock Mermaid on the same text (issue 12)', async () => (await import('./webview')).benchWebviewRows()],
  ];
  for (const [name, bench] of others) {
    console.log(`\n${name}`);
    try {
      for (const [key, value] of Object.entries(await bench())) console.log(`  ${key}: ${value}`);
    } catch (e) {
      console.log(`  failed: ${(e as Error).message}`);
    }
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
