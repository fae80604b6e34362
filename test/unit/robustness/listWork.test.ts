import assert from 'node:assert/strict';
import type { Nodes } from 'mdast';
import { listWork, listWorkOverBudget, MAX_LIST_WORK } from '../../../src/core/document/listWork';
import { MAX_NESTING } from '../../../src/core/document/nesting';
import { parsePostmortem } from '../../../src/core/document/parse';
import { lintText } from '../../../src/core/lint/engine';

/**
 * A review's hostile file: 5,000 list items each one level deeper. micromark checks every open list
 * item against every line by scanning the line's leading blanks, so that staircase cost 64 open
 * items × thousands of blanks per line (tabs: 6 MB, 89 s, 2.4 GB). The section's reader work is
 * estimated first (document/listWork.ts) and a section over the budget is not read as Markdown;
 * document/section-too-large says so. These tests count the work, not the clock.
 */
const HEAD = '---\ntype: postmortem\ntitle: Deep\nstatus: draft\n---\n# Deep\n\n## Summary\n\nDeep list.\n\n## Action items\n\n';
const NOW = new Date('2026-12-01T00:00:00Z');
const staircase = (n: number, step: (i: number) => string) => HEAD + Array.from({ length: n }, (_, i) => `${step(i)}- [ ] nested ${i} @bob due:2026-12-20`).join('\n') + '\n';
const bySpaces = (n: number) => staircase(n, (i) => '  '.repeat(i));
const byTabs = (n: number) => staircase(n, (i) => `${'\t'.repeat(i >> 1)}${i % 2 ? '  ' : ''}`);

function listDepth(root: Nodes): number {
  let deepest = 0;
  const stack: [Nodes, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    const d = node.type === 'list' ? depth + 1 : depth;
    deepest = Math.max(deepest, d);
    if ('children' in node) for (const child of node.children) stack.push([child as Nodes, d]);
  }
  return deepest;
}

const actionSection = (text: string) => parsePostmortem(text).sections.find((s) => s.id === 'action-items')!;

describe('nested lists are read within a work budget (document/listWork.ts)', function () {
  this.timeout(120_000);

  it('estimates the reader work as open items × leading blanks, line by line', () => {
    // Line 1 opens an item (nothing open before it); line 2 is read inside 1 item with 2 blanks;
    // line 3 inside 2 items with 4 blanks; line 4 inside 3 items with 1 blank (a lazy line: no item closes).
    const work = listWork('- a\n  - b\n    - c\n d\n');
    assert.equal(work.steps, 0 + 1 * 2 + 2 * 4 + 3 * 1);
    assert.equal(work.deepest, 3);
    assert.equal(work.widest, 4);
  });

  it('grows with the square of a staircase while looking at each character at most once', () => {
    const small = listWork(bySpaces(500));
    const large = listWork(bySpaces(1000));
    const text = bySpaces(1000);
    // Its own cost: no more characters than the text has (each line's prefix once).
    assert.ok(large.scanned <= text.length, `${large.scanned} characters looked at for ${text.length}`);
    // What it estimates for the reader: twice the items, about four times the work (64 open × 2i blanks).
    assert.ok(large.steps > 3.5 * small.steps && large.steps < 4.5 * small.steps, `${small.steps} → ${large.steps}`);
    assert.equal(large.deepest, MAX_NESTING);
  });

  it('does not read 4,990 items each one level deeper (tabs; 5,000 lines is the section limit), and says so', () => {
    const text = byTabs(4990);
    assert.ok(text.length > 6_000_000 && text.length < 10_000_000, 'under the CLI\'s 10 MB file limit');
    const section = actionSection(text);
    assert.match(section.notChecked ?? '', /^lists nested 64 levels deep over lines indented up to 2,4\d\d characters: reading them would take about [\d,]+ steps/);
    // No tree was read for it: the rules see an empty one.
    assert.equal(section.mdast.children.length, 0);
    const found = lintText(text, { now: NOW }).diagnostics.filter((d) => d.code === 'document/section-too-large');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /^Not checked: "Action items" is too large to read \(lists nested 64 levels deep/);
    assert.equal(found[0].severity, 'warning');
  });

  it('does not read 2,000 items each one level deeper (two spaces), and says so', () => {
    const found = lintText(bySpaces(2000), { now: NOW }).diagnostics.filter((d) => d.code === 'document/section-too-large');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /lists nested 64 levels deep over lines indented up to 3,999 characters/);
  });

  it('reads a list nested 5,000 deep on one line as 64 levels (one line costs the reader nothing per level)', () => {
    const text = `${HEAD}${'- '.repeat(5000)}[ ] deep @bob due:2026-12-20\n`;
    assert.equal(listWorkOverBudget(actionSection(text).text), undefined);
    const section = actionSection(text);
    assert.equal(section.notChecked, undefined);
    assert.equal(listDepth(section.mdast), MAX_NESTING);
    const codes = lintText(text, { now: NOW }).diagnostics.map((d) => d.code);
    assert.ok(codes.includes('document/nesting-too-deep'));
    assert.ok(!codes.includes('document/section-too-large'));
  });

  it('still reads a list 64 levels deep over lines, and the largest staircase within the budget', () => {
    const text = bySpaces(MAX_NESTING);
    const section = actionSection(text);
    assert.equal(section.notChecked, undefined);
    assert.equal(listDepth(section.mdast), MAX_NESTING);
    assert.ok(listWork(section.text).steps < MAX_LIST_WORK / 10, 'a 64-level list is a tenth of the budget');
    assert.equal(parsePostmortem(text).actionItems.length, MAX_NESTING);
    // The first staircase over the budget is not read; the one before it is.
    const items = (t: string) => t.slice(t.indexOf('## Action items'));
    let n = MAX_NESTING;
    while (listWork(items(bySpaces(n + 1))).steps <= MAX_LIST_WORK) n++;
    assert.equal(actionSection(bySpaces(n)).notChecked, undefined);
    assert.match(actionSection(bySpaces(n + 1)).notChecked ?? '', /^lists nested/);
  });
});
