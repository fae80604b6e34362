#!/usr/bin/env node
// Run by `npm install` / `npm ci` (postinstall). micromark (remark's Markdown reader) merges adjacent
// `data` events with one `Array.prototype.splice` per run of them, on the array of every event of the
// paragraph: a paragraph where text alternates with code spans, HTML or entities (`[x] \`c\` ` × N, a
// pasted log) took O(N²) — 100 KB 3 s of CPU, 800 KB over 5 minutes (trial15a F20). This replaces that
// loop with the same merge done in one pass (compacting the array in place, as the callers expect), in
// both builds of the package (`lib/` and `dev/lib/`). It refuses loudly when the code is not the one
// it knows, so an upgrade of micromark is looked at instead of silently losing the fix; the unit test
// test/unit/robustness/inlineRuns.test.ts fails if the reader is quadratic again.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const MARK = 'postmortem: linear merge of adjacent data events';
// The copy our Markdown reader loads: micromark as mdast-util-from-markdown resolves it (not the copy
// markdownlint, the benchmark's baseline, keeps for itself).
let root;
try {
  const fromMarkdown = createRequire(import.meta.url).resolve('mdast-util-from-markdown');
  root = dirname(createRequire(fromMarkdown).resolve('micromark'));
} catch (e) {
  console.error(`patch-micromark: micromark not found (${e.message}); the Markdown reader stays quadratic on long mixed paragraphs`);
  process.exit(1);
}

// The upstream loop, from `while (++index <= events.length)` to the end of the function's `while`.
const LOOP = /(function resolveAllText\(events, context\) \{)[\s\S]*?(\n\s*return extraResolver \? extraResolver\(events, context\) : events;?)/;

const LINEAR = `$1
    // ${MARK} (scripts/patch-micromark.mjs): upstream splices once per run, quadratic in the paragraph.
    let write = 0;
    let index = 0;
    while (index < events.length) {
      if (events[index][1].type === 'data') {
        let end = index + 1;
        while (end < events.length && events[end][1].type === 'data') end++;
        // One data token is its enter and exit; more are merged into the first (its end moved).
        if (end - index > 2) events[index][1].end = events[end - 1][1].end;
        events[write++] = events[index];
        events[write++] = events[index + 1];
        index = end;
      } else {
        events[write++] = events[index++];
      }
    }
    events.length = write;$2`;

for (const rel of ['lib/initialize/text.js', 'dev/lib/initialize/text.js']) {
  const file = join(root, rel);
  if (!existsSync(file)) continue;
  const source = readFileSync(file, 'utf8');
  if (source.includes(MARK)) continue;
  if (!LOOP.test(source) || !source.includes('events.splice(enter + 2, index - enter - 2)')) {
    console.error(`patch-micromark: ${file} is not the micromark code this patch knows (resolveAllText changed?): look at scripts/patch-micromark.mjs`);
    process.exit(1);
  }
  writeFileSync(file, source.replace(LOOP, LINEAR));
}
