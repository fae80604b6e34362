import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parsePostmortem } from '../../../src/core/document/parse';
import { fixAll } from '../../../src/core/fix/fixAll';
import { readSummary } from '../../../src/core/index/readSummary';
import { lintText } from '../../../src/core/lint/engine';
import { BASE_DOCUMENT } from './baseDocument';
import { assertRangeInside } from './ranges';

const now = new Date('2026-11-27T12:00:00Z');
const workspace = { knownIds: new Set(['PM-2026-001']) };

/** Runs the whole pipeline; throws when anything throws or points outside the text. */
function checkPipeline(text: string): void {
  const doc = parsePostmortem(text);
  for (const e of doc.timeline) {
    assertRangeInside(text, e.range, `timeline line ${e.line}`);
    if (e.stampRange) assertRangeInside(text, e.stampRange, 'timeline stamp');
  }
  for (const a of doc.actionItems) {
    assertRangeInside(text, a.range, `action line ${a.line}`);
    if (a.checkboxRange) assertRangeInside(text, a.checkboxRange, 'action checkbox');
  }
  for (const s of doc.sections) assertRangeInside(text, s.headingRange, `section ${s.title}`);
  const { diagnostics } = lintText(text, { now, workspace });
  for (const d of diagnostics) {
    assertRangeInside(text, d.range, d.code);
    for (const r of d.related ?? []) assertRangeInside(text, r.range, `${d.code} related`);
    for (const f of d.fixes ?? []) for (const e of f.edits) assertRangeInside(text, e.range, `${d.code} fix "${f.title}"`);
  }
  const fixed = fixAll(text, { now, workspace });
  if (typeof fixed.text !== 'string') throw new Error('fixAll returned no text');
  for (const d of fixed.remaining) assertRangeInside(fixed.text, d.range, `after fix: ${d.code}`);
  const summary = readSummary(text);
  for (const item of summary.actionItems) {
    assertRangeInside(text, { start: { line: item.line, character: 0 }, end: { line: item.line, character: 0 } }, 'indexed item line');
    if (item.checkboxRange) assertRangeInside(text, item.checkboxRange, 'indexed checkbox');
  }
}

const baseLines = BASE_DOCUMENT.split('\n');

/** Small, nasty edits real files show: the shapes from the "Bad input" list. */
const snippet = fc.constantFrom(
  '', '---', '...', '```', '~~~~', '```mermaid', '<div>', '<!--', '-->', '</details>', '\t- [ ] tab @x due:2026-1-1',
  '- [ ]', '- [x] done:2026-13-01', '| a | b |', '|---|', '| Action | Owner |', '## Action items', '## Timeline', '### Five whys',
  '- 2026-11-20 14:09Z [detected]', '- 99:99', 'title: [unclosed', 'impact: {users_affected: "many"}', '- just a list',
  'started_at: 2026-02-30T25:00:00Z', 'timezone: Mars/Olympus', '😀 事故 𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '\u0000', '\uFEFF', '\r', '    indented code', '> - [ ] quoted',
  'related: PM-2026-001', 'status: published', 'severity: SEV9', '- 14:09 PST [resolved] (chat)', '*', '#', '[^1]: note',
);

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), line: fc.oneof(snippet, fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), line: snippet }),
  fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), offset: fc.nat(), text: fc.string({ unit: 'binary', maxLength: 8 }) }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(lines: string[], m: Mutation): string[] {
  const next = [...lines];
  const at = next.length ? m.at % (next.length + 1) : 0;
  if (m.kind === 'insert') next.splice(at, 0, m.line);
  else if (m.kind === 'delete') next.splice(at, m.count);
  else if (m.kind === 'replace') next[Math.min(at, next.length - 1)] = m.line;
  else {
    const i = Math.min(at, next.length - 1);
    const line = next[i] ?? '';
    const o = m.offset % (line.length + 1);
    next[i] = line.slice(0, o) + m.text + line.slice(o);
  }
  return next;
}

describe('robustness: random and mutated documents through the whole pipeline', function () {
  this.timeout(120_000);

  it('never throws and keeps every range inside the document for mutated post-mortems', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), (mutations, eol, bom) => {
        const lines = mutations.reduce(mutate, baseLines);
        const text = (bom ? '\uFEFF' : '') + lines.join(eol);
        checkPipeline(text);
      }),
      { numRuns: 80 },
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => checkPipeline(text)), { numRuns: 100 });
    fc.assert(
      fc.property(fc.array(fc.oneof(snippet, fc.string({ maxLength: 30 })), { maxLength: 30 }), (lines) => checkPipeline(`---\n${lines.join('\n')}`)),
      { numRuns: 100 },
    );
  });

  it('handles the explicit bad inputs from the issue', () => {
    const cases: Record<string, string> = {
      'no front matter': BASE_DOCUMENT.replace(/^---[^]*?---\n/, ''),
      'front matter that is a list': BASE_DOCUMENT.replace(/^---\n/, '---\n- a\n- b\n---\n---\n'),
      'front matter that is a scalar': '---\njust text\n---\n\n## Action items\n\n- [ ] x @y\n',
      'broken YAML': BASE_DOCUMENT.replace('title: Checkout', 'title: [Checkout'),
      'unclosed front matter': '---\ntype: postmortem\n## Timeline\n- 14:00Z x\n',
      'CRLF + BOM': `\uFEFF${BASE_DOCUMENT.replace(/\n/g, '\r\n')}`,
      'lone CR line endings': BASE_DOCUMENT.replace(/\n/g, '\r'),
      'tabs': BASE_DOCUMENT.replace(/^- /gm, '\t- ').replace(/ /g, '\t'),
      'emoji and CJK': BASE_DOCUMENT.replace(/Pool/g, '池 🏊‍♀️ プール'),
      'unclosed fence': BASE_DOCUMENT.replace('## Response', '```\n## Response'),
      'HTML blocks': BASE_DOCUMENT.replace('## Action items', '<details>\n<summary>x</summary>\n\n## Action items\n\n</details>'),
      'binary': String.fromCharCode(...Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256)),
      'only newlines': '\n\n\n\r\n\r\n',
      'empty': '',
    };
    for (const [name, text] of Object.entries(cases)) assert.doesNotThrow(() => checkPipeline(text), name);
  });

  it('finishes a 10 MB file (a pasted log, the usual reason a post-mortem gets that big)', () => {
    const logLine = '2026-11-20T14:09:00Z ERROR checkout pool exhausted (waited 30000 ms) request_id=abc123\n';
    const log = logLine.repeat(Math.ceil((10 * 1024 * 1024) / logLine.length));
    const text = BASE_DOCUMENT.replace('## Response', `## Response\n\n\`\`\`\n${log}\`\`\`\n`);
    assert.ok(text.length > 10 * 1024 * 1024);
    const { diagnostics } = lintText(text, { now });
    assert.ok(Array.isArray(diagnostics));
    assert.ok(readSummary(text).actionItems.length > 0);
  });
});
