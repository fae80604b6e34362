// `npx tsx scripts/similar-measure.ts <folder>…`: the pairs `postmortem similar` would propose over a
// folder of post-mortems (every Markdown file read as one), for judging by hand. Not part of `npm
// test`; the corpus stays outside the repository. Dates are ignored (--any-time): real corpora
// often lack started_at, and the question is whether the pairs are about the same kind of failure.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readSummary, SimilarityIndex } from '../src/core/api';

const folders = process.argv.slice(2);
if (!folders.length) {
  console.error('Usage: npx tsx scripts/similar-measure.ts <folder>…');
  process.exit(2);
}
const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => {
  const p = join(dir, n);
  return statSync(p).isDirectory() ? (n === '.git' || n === 'node_modules' ? [] : walk(p)) : /\.(md|markdown)$/i.test(n) ? [p] : [];
});
const index = new SimilarityIndex();
const files = folders.flatMap(walk).sort();
const t0 = performance.now();
for (const f of files) {
  const s = readSummary(readFileSync(f, 'utf8'));
  // Without dates every file may be compared with every other (the "earlier" filter needs started_at).
  index.set(f, { ...s, milestones: {} });
}
console.log(`${files.length} files indexed in ${(performance.now() - t0).toFixed(0)} ms`);
let proposed = 0;
for (const f of files) {
  const found = index.similarTo(f, 2);
  if (!found.length) continue;
  proposed++;
  console.log(`\n${relative(process.cwd(), f)}`);
  for (const s of found) console.log(`  ${s.score.toFixed(2)}  ${relative(process.cwd(), s.uri)}  — ${s.reason}`);
}
console.log(`\n${proposed} of ${files.length} files got a proposal`);
