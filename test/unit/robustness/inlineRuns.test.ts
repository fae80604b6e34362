import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseSectionMarkdown } from '../../../src/core/document/markdown';
import { parsePostmortem } from '../../../src/core/document/parse';
import { MAX_PARAGRAPH_CHARS } from '../../../src/core/document/paragraphSize';
import { assertLinearGrowth } from './linearGrowth';

/**
 * One paragraph where text alternates with code spans, HTML or entities (`[x] \`c\` ` × N, a pasted
 * log): micromark merged its data events with one splice per run, quadratic — 100 KB took 3 s of CPU,
 * 800 KB over 5 minutes (trial15a F20). scripts/patch-micromark.mjs (postinstall) makes the merge one
 * pass; a paragraph past MAX_PARAGRAPH_CHARS is not given to the reader at all (its memory).
 *
 * The assertion is a ratio of CPU times, never a time (linearGrowth.ts): 8× the text may cost at most
 * 24× (linear is about 8×; the splices made it 48×).
 */
const repeated = (unit: string, chars: number) => unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
/** Text, HTML and an entity between code spans: what a pasted log with backticks gives. */
const mixed = (chars: number) => repeated('a `c` b <i> c &amp; ', chars);
/** The shape that costs the splices most (each code span ends a run of two data events). */
const runs = (chars: number) => repeated('a `c` ', chars);

describe('a long paragraph of mixed inline text is read in linear time (trial15a F20)', function () {
  this.timeout(240_000);

  it('the installed micromark carries the linear merge (npm install runs scripts/patch-micromark.mjs)', () => {
    const fromMarkdown = createRequire(__filename).resolve('mdast-util-from-markdown');
    const root = dirname(createRequire(fromMarkdown).resolve('micromark'));
    for (const rel of ['lib/initialize/text.js', 'dev/lib/initialize/text.js']) {
      const source = readFileSync(join(root, rel), 'utf8');
      assert.match(source, /postmortem: linear merge of adjacent data events/, `${rel}: run npm install (its postinstall patches micromark)`);
      assert.doesNotMatch(source, /events\.splice\(enter \+ 2/, rel);
    }
  });

  it('10,000 then 80,000 characters grow linearly, and the text is read the same', () => {
    // Same reading as before the patch: code spans, HTML and text.
    const kinds = parseSectionMarkdown(mixed(10_000)).children[0];
    assert.equal(kinds.type, 'paragraph');
    const counts = new Map<string, number>();
    for (const c of (kinds as { children: { type: string }[] }).children) counts.set(c.type, (counts.get(c.type) ?? 0) + 1);
    assert.deepEqual([...counts.keys()].sort(), ['html', 'inlineCode', 'text']);
    assert.equal(counts.get('inlineCode'), Math.ceil(10_000 / 20));
    assertLinearGrowth('one paragraph of text between code spans', parseSectionMarkdown, runs, [10_000, 80_000]);
  });

  it('a paragraph longer than the limit is not read as Markdown, and lint says so', () => {
    const text = ['---', 'type: postmortem', 'title: Log', 'status: draft', '---', '# Log', '', '## Root cause', '', mixed(MAX_PARAGRAPH_CHARS + 10), '', '## Action items', '', '- [ ] Fix @kim due:2026-12-20', ''].join('\n');
    const doc = parsePostmortem(text);
    const rootCause = doc.sections.find((s) => s.title === 'Root cause')!;
    assert.match(rootCause.notChecked ?? '', /a paragraph of more than 200,000 characters, perhaps a pasted log/);
    assert.deepEqual(rootCause.mdast.children, []);
    assert.equal(doc.actionItems.length, 1, 'the other sections are read');
  });

  it('a long log in a code block is read, even with a line inside that looks like a fence with an info string', () => {
    // "```text" inside a ``` block does not close it (a closing fence has nothing after it): the
    // lines after it are still code, not a paragraph over the limit.
    const log = Array.from({ length: Math.ceil(MAX_PARAGRAPH_CHARS / 100) + 10 }, (_, i) => `2026-12-07 10:${String(i % 60).padStart(2, '0')} worker ${'log line '.repeat(9)}`);
    const text = ['---', 'type: postmortem', 'title: Log', 'status: draft', '---', '# Log', '', '## Root cause', '', '```', '```text', ...log, '```', '', 'The disk filled.', ''].join('\n');
    const rootCause = parsePostmortem(text).sections.find((s) => s.title === 'Root cause')!;
    assert.equal(rootCause.notChecked, undefined);
    assert.deepEqual(rootCause.mdast.children.map((c) => c.type), ['heading', 'code', 'paragraph']);
  });
});
