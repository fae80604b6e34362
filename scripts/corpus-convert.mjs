// Converts every post-mortem of a corpus folder to the standard format and reports how many
// convert without loss and how many lint clean afterwards. Not part of `npm test`.
//   npx tsx scripts/corpus-convert.mjs ../shared/corpus [--now 2026-11-27T12:00:00Z] [--verbose]
//
// "Without loss": every word of the original (runs of letters and digits, case-insensitive,
// counted with multiplicity) appears in the output, except the fragments the converter reports as
// rewritten into data (time stamps converted to UTC, due dates rewritten as due:YYYY-MM-DD, table
// header rows turned into lists). "Lint clean": lintText finds no diagnostic at error level; the
// number without any error or warning is printed too.
//
// "Complete but rejected": the converter calls the file complete (the CLI would exit 0) while its
// own linter finds the timeline unreadable, out of order, or a milestone inconsistent with it —
// a conversion that is silently wrong. Each such file is listed with the codes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { convertPostmortem, words, wordsLost } from '../src/core/import/convert/index.ts';
import { lintText } from '../src/core/lint/engine.ts';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? '../shared/corpus';
const nowArg = args.indexOf('--now');
const now = new Date(nowArg !== -1 ? args[nowArg + 1] : '2026-11-27T12:00:00Z');
const verbose = args.includes('--verbose');

function walk(d) {
  return readdirSync(d).flatMap((name) => {
    const p = join(d, name);
    return statSync(p).isDirectory() ? walk(p) : /\.(md|markdown)(\.erb)?$/i.test(name) ? [p] : [];
  });
}

const files = walk(dir).sort();
let lossless = 0;
let errorFree = 0;
let warningFree = 0;
let crashes = 0;
let totalWords = 0;
let discountedWords = 0;
const codes = new Map();
const diagnosticsByCode = new Map();
const REJECTING = new Set(['timeline/out-of-order', 'timeline/unparseable', 'timeline/milestone-mismatch', 'time/order']);
const completeButRejected = [];
let completeCount = 0;
const started = performance.now();
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  try {
    const result = convertPostmortem(text, { fileName: file.split('/').pop() });
    for (const d of result.diagnostics) diagnosticsByCode.set(d.code, (diagnosticsByCode.get(d.code) ?? 0) + 1);
    totalWords += words(text).length;
    discountedWords += words(result.replaced.join(' ')).length;
    const lost = wordsLost(text, result.text, result.replaced);
    if (lost.length === 0) lossless++;
    else if (verbose) console.log(`LOSS ${relative(dir, file)}: ${lost.slice(0, 10).map((l) => `${l.word}×${l.missing}`).join(', ')}`);
    const { diagnostics } = lintText(result.text, { now });
    if (!diagnostics.some((d) => d.severity === 'error')) errorFree++;
    const complete = result.report.complete && !result.diagnostics.some((d) => d.severity !== 'info');
    if (complete) completeCount++;
    const rejecting = [...new Set(diagnostics.filter((d) => REJECTING.has(d.code)).map((d) => d.code))];
    if (complete && rejecting.length) completeButRejected.push(`${relative(dir, file)}: ${rejecting.join(', ')}`);
    if (!diagnostics.some((d) => d.severity === 'error' || d.severity === 'warning')) warningFree++;
    for (const d of diagnostics) codes.set(d.code, (codes.get(d.code) ?? 0) + 1);
  } catch (e) {
    crashes++;
    console.log(`CRASH ${relative(dir, file)}: ${e.stack}`);
  }
}
const ms = performance.now() - started;
console.log(`${files.length} files converted in ${ms.toFixed(0)} ms; crashes: ${crashes}`);
console.log(`without loss: ${lossless} of ${files.length} (${discountedWords} of ${totalWords} words, ${((discountedWords / totalWords) * 100).toFixed(2)}%, were rewritten as data: stamps, due dates, table headers)`);
console.log(`lint clean afterwards: ${errorFree} with no error, ${warningFree} with no error or warning`);
console.log(`converter diagnostics: ${[...diagnosticsByCode].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ') || 'none'}`);
console.log(`lint diagnostics after conversion: ${[...codes].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ')}`);
console.log(`complete (exit 0): ${completeCount} of ${files.length}; complete but rejected by lint (${[...REJECTING].join(', ')}): ${completeButRejected.length}`);
for (const line of completeButRejected) console.log(`  ${line}`);
