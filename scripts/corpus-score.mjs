// Scores the converter against the truth file written by reading the originals of a corpus
// (test/corpus-truth/truth.json, about ../shared/corpus). Not part of `npm test`.
//   npx tsx scripts/corpus-score.mjs [../shared/corpus] [--verbose]
//
// Prints: misdated files (started_at or a sample entry a day or more away from the truth),
// % of timelines read (at least 80 % of the entries the original has, as canonical UTC entries),
// % of sample instants exact (the entry holding the sample's text carries exactly the expected
// UTC minute), % of files whose action-item count is within ±20 % of the real count; and, to watch,
// started_at exact to the minute and done items on the files whose truth has a done count.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { convertPostmortem } from '../src/core/import/convert/index.ts';

const args = process.argv.slice(2);
// Worktrees sit one level deeper than the main checkout: try both places.
const dir = args.find((a) => !a.startsWith('--')) ?? ['../shared/corpus', '../../shared/corpus'].find((d) => existsSync(d)) ?? '../shared/corpus';
const verbose = args.includes('--verbose');
const truth = JSON.parse(readFileSync(new URL('../test/corpus-truth/truth.json', import.meta.url), 'utf8'));

const ENTRY = /^\s*- (\d{4}-\d\d-\d\d) (\d\d:\d\d)Z\b/;
const DAY = 86_400_000;

function sectionLines(lines, title) {
  const start = lines.findIndex((l) => l.trim().toLowerCase() === `## ${title}`);
  if (start === -1) return [];
  let end = start + 1;
  while (end < lines.length && !/^## /.test(lines[end])) end++;
  return lines.slice(start + 1, end);
}

/**
 * The UTC instant of the entry whose text holds `text`: the line itself, or the entry it continues.
 * The fragment may also occur in prose (a summary repeating an entry): the first occurrence that
 * belongs to an entry counts; undefined when the text is nowhere, null when it is in no entry.
 */
function instantOf(lines, text) {
  const needle = text.replace(/\s+/g, ' ');
  let seen = false;
  for (let at = 0; at < lines.length; at++) {
    if (!lines[at].replace(/\s+/g, ' ').includes(needle)) continue;
    seen = true;
    for (let k = at; k >= 0 && k > at - 12; k--) {
      const m = ENTRY.exec(lines[k]);
      if (m) return `${m[1]}T${m[2]}Z`;
      if (/^#{1,6} /.test(lines[k]) || (k < at && !lines[k].trim() && !/^\s/.test(lines[k + 1] ?? ''))) break;
    }
  }
  return seen ? null : undefined;
}

let timelines = 0;
let timelinesRead = 0;
let samples = 0;
let exact = 0;
let actionFiles = 0;
let actionsOk = 0;
let starts = 0;
let startsExact = 0;
let doneFiles = 0;
let doneOk = 0;
let doneElsewhere = 0;
const misdated = [];
const problems = [];
for (const f of truth.files) {
  let text;
  try {
    text = readFileSync(join(dir, f.file), 'utf8');
  } catch {
    problems.push(`${f.file}: missing from ${dir}`);
    continue;
  }
  const result = convertPostmortem(text, { fileName: basename(f.file) });
  const lines = result.text.split(/\r?\n/);
  const timeline = sectionLines(lines, 'timeline');
  const entries = timeline.filter((l) => ENTRY.test(l)).length;
  const why = [];
  if (f.timelineEntries > 0) {
    timelines++;
    if (entries >= 0.8 * f.timelineEntries) timelinesRead++;
    else why.push(`timeline: ${entries} of ${f.timelineEntries} entries read`);
  }
  let wrongDay = false;
  for (const s of f.samples) {
    samples++;
    const got = instantOf(lines, s.text);
    if (got === s.utc) exact++;
    else {
      why.push(`sample "${s.text.slice(0, 40)}": expected ${s.utc}, got ${got === undefined ? 'text not found' : got ?? 'no entry'}`);
      if (got && Math.abs(Date.parse(got) - Date.parse(s.utc)) >= DAY) wrongDay = true;
    }
  }
  const started = /^started_at: ['"]?([^'"\n]+)/m.exec(result.text)?.[1];
  if (f.start && started && Math.abs(Date.parse(started) - Date.parse(f.start)) >= DAY) {
    wrongDay = true;
    why.push(`started_at ${started}, expected about ${f.start}`);
  }
  if (wrongDay) misdated.push(f.file);
  if (f.start) {
    starts++;
    if (started && Date.parse(started) === Date.parse(f.start.replace(/Z$/, ':00Z'))) startsExact++;
    else why.push(`started_at ${started ?? 'not set'}, expected ${f.start}`);
  }
  const doneItems = sectionLines(lines, 'action items').filter((l) => /^ {0,1}(?:[-*+]|\d{1,9}[.)]) {1,4}\[[xX]\]/.test(l)).length;
  if (f.done !== undefined) {
    doneFiles++;
    if (doneItems === f.done) doneOk++;
    else why.push(`done items: ${doneItems}, expected ${f.done}`);
  } else doneElsewhere += doneItems;
  const items = sectionLines(lines, 'action items').filter((l) => /^ {0,1}(?:[-*+]|\d{1,9}[.)]) {1,4}\[[ xX]\]/.test(l)).length;
  actionFiles++;
  if (Math.abs(items - f.actions) <= 0.2 * f.actions) actionsOk++;
  else why.push(`actions: ${items}, expected ${f.actions}`);
  if (verbose && why.length) console.log(`${f.file}\n  ${why.join('\n  ')}`);
}
const pct = (a, b) => (b ? `${((a / b) * 100).toFixed(1)} %` : 'n/a');
for (const p of problems) console.log(p);
console.log(`files scored: ${truth.files.length}`);
console.log(`misdated files: ${misdated.length}${misdated.length ? ` (${misdated.join(', ')})` : ''}`);
console.log(`timelines read: ${timelinesRead} of ${timelines} (${pct(timelinesRead, timelines)})`);
console.log(`sample instants exact: ${exact} of ${samples} (${pct(exact, samples)})`);
console.log(`action counts within ±20 %: ${actionsOk} of ${actionFiles} (${pct(actionsOk, actionFiles)})`);
// Not Done-when lines of issue 11, watched so they do not get worse:
console.log(`started_at exact (to the minute, files with a start): ${startsExact} of ${starts} (${pct(startsExact, starts)})`);
console.log(`done items exact (files with a done count): ${doneOk} of ${doneFiles}; [x] items in files without a done count: ${doneElsewhere}`);
