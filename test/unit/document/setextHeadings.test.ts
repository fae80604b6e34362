import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Heading } from 'mdast';
import { parseWholeMarkdown } from '../../../src/core/document/markdown';
import { scanHeadings } from '../../../src/core/document/sections';
import { parsePostmortem } from '../../../src/core/document/parse';
import { readSummary } from '../../../src/core/index/readSummary';
import { lintText } from '../../../src/core/lint/engine';
import { LineIndex } from '../../../src/core/text/lineIndex';

/**
 * A setext heading ("Action items" underlined with `---` or `===`) is a heading in every renderer;
 * the line scanner that splits sections (lint and the summary alike) did not know it, so its items
 * were "not action items" (trial 14a F19). The scanner must see the headings the Markdown tree sees.
 */
function treeHeadings(text: string): [number, number, string][] {
  const root = parseWholeMarkdown(text);
  return root.children.filter((n): n is Heading => n.type === 'heading' && n.depth <= 2)
    .map((h) => [h.position!.start.line - 1, h.depth, h.children.map((c) => ('value' in c ? c.value : '')).join('').replace(/\s+/g, ' ').trim()]);
}
function scannedHeadings(text: string): [number, number, string][] {
  const lines = new LineIndex(text);
  return scanHeadings(lines, 0, lines.lineCount).headings.filter((h) => h.level <= 2).map((h) => [h.line, h.level, h.title.replace(/\s+/g, ' ').trim()]);
}

describe('setext headings: the section scanner sees what the Markdown tree sees', () => {
  it('agrees with the tree on headings written both ways, lazy lines, quotes, lists, rules and tables (property)', () => {
    const block = fc.constantFrom(
      ['Action items', '------------'], ['Timeline', '==='], ['Two line', 'heading', '---'], ['## ATX'], [''], ['Some prose.'],
      ['- an item', 'lazy line', '---'], ['> quoted', 'lazy', '---'], ['---'], ['* * *'], ['| a | b |', '| - | - |', '| 1 | 2 |'],
      ['    indented code', '---'], ['```', 'Not a heading', '---', '```'], ['<!--', 'Hidden', '---', '-->'], ['1. one', '', 'After a list', '---'], ['  Indented two', '  ---'],
    );
    fc.assert(fc.property(fc.array(block, { maxLength: 10 }), (blocks) => {
      // A title first: a `---` on line 0 would open a front matter, which the scanner is never given.
      const text = ['# Title', '', ...blocks.flat()].join('\n') + '\n';
      assert.deepEqual(scannedHeadings(text), treeHeadings(text), text);
    }));
  });

  it('an Action items section written with a setext heading is read by lint and by the summary (actions, list, metrics)', () => {
    const text = ['---', 'type: postmortem', 'started_at: 2026-11-01T10:00:00Z', '---', '', '# Items', '', 'Timeline', '--------', '', '- 2026-11-01 10:00Z [started] a', '',
      'Action items', '------------', '', '- [ ] A @ana due:2026-12-20', '- [x] B @bo due:2026-12-21', ''].join('\n');
    const parsed = parsePostmortem(text);
    assert.deepEqual(parsed.actionItems.map((a) => [a.text, a.isDone]), [['A @ana due:2026-12-20', false], ['B @bo due:2026-12-21', true]]);
    const summary = readSummary(text);
    assert.deepEqual(summary.actionItems.map((a) => [a.line, a.owner, a.isDone]), [[15, 'ana', false], [16, 'bo', true]]);
    assert.deepEqual(summary.sections.map((s) => s.id).filter(Boolean), ['timeline', 'action-items']);
  });

  it('"Action items" right under a list item is its lazy line and the `---` a rule, as GitHub renders it: no section, and lint and actions say to put a blank line before it', () => {
    const text = ['---', 'type: postmortem', '---', '', '## Timeline', '', '- 2026-11-01 10:00Z [started] a', 'Action items', '------------', '', '- [ ] A @ana due:2026-12-20', ''].join('\n');
    const summary = readSummary(text);
    assert.deepEqual(summary.actionItems, []);
    assert.deepEqual(parsePostmortem(text).actionItems, []);
    assert.ok(summary.problems.some((p) => p.includes('while "Action items" (line 8), underlined, is no heading: with no blank line above it, it is the end of the list item or paragraph before it (put a blank line before it)')), summary.problems.join('\n'));
    const lint = lintText(text, { now: new Date('2026-11-27T12:00:00Z') }).diagnostics.filter((d) => d.code === 'actions/outside-section');
    assert.equal(lint.length, 1);
    assert.match(lint[0].message, /while "Action items" \(line 8\), underlined, is no heading: .*put a blank line before line 8, so the items are tracked/);
  });
});
