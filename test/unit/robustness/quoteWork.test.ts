import assert from 'node:assert/strict';
import type { Nodes } from 'mdast';
import { MAX_NESTING } from '../../../src/core/document/nesting';
import { parsePostmortem } from '../../../src/core/document/parse';
import { MAX_QUOTE_WORK, quoteWork, quoteWorkOverBudget } from '../../../src/core/document/quoteWork';
import { lintText } from '../../../src/core/lint/engine';

/**
 * A hostile file: a block quote nested one level deeper per line (`>`, `> >`, `> > >` …). micromark
 * checks every quote a line continues, several microseconds each; past 64 levels the markers are read
 * as spaces, so every later line still continues 64 quotes: 2,120 lines, 4.5 MB, 2.4 s under a
 * Timeline. The section's quote work is estimated first (document/quoteWork.ts) and a section over the
 * budget is not read as Markdown; document/section-too-large says why. These tests count the work.
 */
const HEAD = '---\ntype: postmortem\ntitle: Quotes\nstatus: draft\nstarted_at: 2026-11-20T14:02:00Z\n---\n# Quotes\n\n## Summary\n\nQuoted.\n\n';
const NOW = new Date('2026-12-01T00:00:00Z');
/** Lines `> x`, `> > x`, … until the text has `bytes` characters. */
function staircase(bytes: number): string {
  const out: string[] = [];
  let size = 0;
  for (let i = 1; size < bytes; i++) {
    const line = `${'> '.repeat(i)}x`;
    out.push(line);
    size += line.length + 1;
  }
  return out.join('\n');
}
const sectionOf = (text: string, title: string) => parsePostmortem(text).sections.find((s) => s.title === title)!;

function quoteDepth(root: Nodes): number {
  let deepest = 0;
  const stack: [Nodes, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    const d = node.type === 'blockquote' ? depth + 1 : depth;
    deepest = Math.max(deepest, d);
    if ('children' in node) for (const child of node.children) stack.push([child as Nodes, d]);
  }
  return deepest;
}

describe('block quotes are read within a work budget (document/quoteWork.ts)', function () {
  this.timeout(120_000);

  it('estimates the reader work as the quotes each line continues, at most 64 a line, and only markers count', () => {
    const work = quoteWork('> a\n> > b\n>>> c\nlazy d\n- > in a list\n  > > indented\na > b is text\n');
    assert.equal(work.steps, 1 + 2 + 3 + 0 + 1 + 2 + 0);
    assert.equal(work.quotedLines, 5);
    assert.equal(work.deepest, 3);
    const deep = quoteWork(staircase(50_000));
    const lines = staircase(50_000).split('\n').length;
    let expected = 0;
    for (let i = 1; i <= lines; i++) expected += Math.min(i, MAX_NESTING);
    assert.equal(deep.steps, expected);
    assert.equal(deep.deepest, lines);
  });

  it('does not read a 4.5 MB quote one level deeper per line under the Timeline, and says why', () => {
    const text = `${HEAD}## Timeline\n\n${staircase(4_500_000)}\n`;
    const section = sectionOf(text, 'Timeline');
    assert.match(section.notChecked ?? '', /^block quotes nested up to 2,12\d levels deep on 2,12\d lines: reading them would take about 13\d,\d{3} steps \(quotes continued, per line, at most 64\), the budget is 20,000$/);
    // No tree was read for it: the rules see an empty one.
    assert.equal(section.mdast.children.length, 0);
    const found = lintText(text, { now: NOW }).diagnostics.filter((d) => d.code === 'document/section-too-large');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /^Not checked: "Timeline" is too large to read \(block quotes nested up to 2,12\d levels deep/);
    assert.match(found[0].message, /quotes a level or two deep$/);
    assert.equal(found[0].severity, 'warning');
  });

  it('does not read it from a five-whys block inside a prose section either', () => {
    const text = `${HEAD}## Root cause\n\nPrologue.\n\n### Five whys\n\n${staircase(1_000_000)}\n`;
    const started = Date.now();
    const doc = parsePostmortem(text);
    const elapsed = Date.now() - started;
    const section = doc.sections.find((s) => s.title === 'Root cause')!;
    assert.match(section.notChecked ?? '', /^block quotes nested/);
    // The five-whys slice was parsed on its own before (1.1 s for this megabyte); now nothing reads it.
    assert.ok(elapsed < 1000, `${elapsed} ms`);
  });

  it('reads quotes as post-mortems write them, the deepest line of 64 levels, and up to the budget', () => {
    const slack = Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? `> **ana**: message ${i}` : i % 3 === 1 ? `> > quoted reply ${i}` : '>')).join('\n');
    const real = sectionOf(`${HEAD}## Timeline\n\n${slack}\n`, 'Timeline');
    assert.equal(real.notChecked, undefined);
    assert.equal(quoteDepth(real.mdast), 2);
    const oneLine = sectionOf(`${HEAD}## Timeline\n\n${'> '.repeat(5000)}x\n`, 'Timeline');
    assert.equal(oneLine.notChecked, undefined, 'one line of 5,000 quotes costs 64 steps');
    assert.equal(quoteDepth(oneLine.mdast), MAX_NESTING);
    // 312 lines of 64 quotes are within the budget; 313 are not.
    const lines = (n: number) => Array.from({ length: n }, () => `${'> '.repeat(64)}x`).join('\n');
    assert.ok(312 * 64 <= MAX_QUOTE_WORK && 313 * 64 > MAX_QUOTE_WORK);
    assert.equal(quoteWorkOverBudget(lines(312)), undefined);
    assert.match(quoteWorkOverBudget(lines(313)) ?? '', /^block quotes nested up to 64 levels deep on 313 lines: reading them would take about 20,032 steps/);
    // Many `>` that are not quote markers (arrows, HTML) cost nothing.
    assert.equal(quoteWorkOverBudget(Array.from({ length: 4000 }, () => 'api -> db -> cache <b>x</b> >>').join('\n')), undefined);
  });
});
