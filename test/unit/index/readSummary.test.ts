import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSummary } from '../../../src/core/index/readSummary';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

describe('readSummary', () => {
  it('reads the front matter fields the tree and status bar show', () => {
    const s = readSummary(fixture('task-list-shapes.md'));
    assert.equal(s.id, 'PM-20261120-checkout-pool');
    assert.equal(s.title, 'Checkout 5xx after pool change');
    assert.equal(s.status, 'in-review');
    assert.equal(s.severity, 'SEV2');
    assert.deepEqual(s.services, ['checkout', 'payments']);
    // 17:02 in Berlin (CET, UTC+1 in November) is 16:02 UTC.
    assert.equal(s.resolvedAt, '2026-11-20T16:02:00Z');
    // Read, but lint rejects the form: said, with the reading (trial T6).
    // The two tasks with owners under Summary and Lessons are not action items: said too (trial 12 T4).
    assert.deepEqual(s.problems, [
      'Time read from a value lint rejects: `resolved_at: 2026-11-20 17:02 Europe/Berlin` is not an ISO 8601 date-time in UTC (lint: schema/format); it was read in the zone written on it (Europe/Berlin), 2026-11-20T16:02:00Z. `postmortem lint --fix` writes it so',
      'Not action items, line 19: 2 task items with an owner or due date are under "Summary", "Lessons learned" (lines 19, 58), outside the Action items section, so they are not listed or counted as action items (lint: actions/outside-section)',
      // The quoted task and the one in an HTML block are no items either, and said (trial13a F21).
      'Task items not read, line 48: 2 task lines in the Action items section are inside a block quote (line 48), an HTML block opened on line 50 (line 51), so they are not listed or counted as action items; remove the `>` from a quoted one that is an action item of this incident; put a blank line between the HTML and the task lines (Markdown reads every line up to the next blank one as raw HTML, shown as plain text) (lint: actions/hidden-task)',
      // A task line indented into a code block is code on the page, with no checkbox: said too (trial16a F16).
      'Task items not read, line 46: 1 line in the Action items section is meant as action items but Markdown reads it as code, not list items — a task line indented by 4 spaces, which Markdown shows as code (line 46) — so it is not listed or counted; write each as a task, `- [ ] What @owner due:YYYY-MM-DD` (lint: actions/not-a-task)',
    ]);
    assert.deepEqual(s.strayActionItems, { count: 2, box: 0, lines: [18, 57], sections: ['Summary', 'Lessons learned'], besideSection: true });
    assert.deepEqual(s.hiddenActionItems, { count: 2, quote: 1, html: 1, lines: [47, 50] });
  });

  it('finds task items with their tokens, groups and checkbox ranges, and nothing inside code or comments', () => {
    const s = readSummary(fixture('task-list-shapes.md'));
    const owners = s.actionItems.map((i) => i.owner);
    assert.deepEqual(owners, ['bob', 'alice', 'carol', 'dave', 'erin', 'frank', 'gina', 'hank']);
    const bob = s.actionItems[0];
    assert.equal(bob.description, 'Add pool saturation alert');
    assert.equal(bob.due, '2026-12-04');
    assert.equal(bob.priority, 'P1');
    assert.equal(bob.impact, 'high');
    assert.equal(bob.effort, 'low');
    assert.equal(bob.ticket, 'OPS-123');
    assert.deepEqual(bob.checkboxRange, { start: { line: bob.line, character: 2 }, end: { line: bob.line, character: 5 } });
    assert.equal(s.actionItems[1].isDone, true);
    assert.equal(s.actionItems[1].doneDate, '2026-11-21');
    assert.equal(s.actionItems[3].ticket, 'https://tickets.example.com/OPS-9');
    assert.equal(s.actionItems[4].group, 'Long term');
    assert.equal(s.actionItems[0].group, undefined);
    assert.deepEqual(s.owners, owners);
  });

  it('reads Action/Owner/Due/Status tables', () => {
    const s = readSummary(fixture('table-shapes.md'));
    assert.deepEqual(s.actionItems.map((i) => [i.description, i.owner, i.due, i.isDone, i.form]), [
      ['Add resolver health check', 'sam', '2026-10-20', true, 'table'],
      ['Cache negative answers', 'Priya', '2026-12-01', false, 'table'],
      ['**Document failover**', undefined, undefined, false, 'table'],
      ['Escape \\| pipe in text', 'li', undefined, true, 'table'],
      ['Review TTLs', 'ops', undefined, false, 'table'],
    ]);
    const status = s.actionItems[1].checkboxRange!;
    const line = fixture('table-shapes.md').split('\n')[status.start.line];
    assert.equal(line.slice(status.start.character, status.end.character), 'open');
  });

  it('still returns the items when the YAML is broken, with the reason', () => {
    const s = readSummary(fixture('broken-yaml.md'));
    assert.equal(s.actionItems.length, 1);
    assert.equal(s.actionItems[0].owner, 'zoe');
    assert.ok(s.problems.length > 0);
    assert.match(s.problems[0], /^Front matter not read, line \d+: /);
  });

  it('reports front matter that is not a mapping and keeps the items', () => {
    const s = readSummary(fixture('not-a-mapping.md'));
    assert.deepEqual(s.problems, ['Front matter is not a YAML mapping (key: value lines)']);
    assert.equal(s.actionItems[0].owner, 'yan');
  });

  it('handles a BOM, CRLF and tabs; takes the title from the first heading', () => {
    const s = readSummary(fixture('no-front-matter-crlf.md'));
    assert.equal(s.title, 'Storage incident');
    assert.equal(s.id, undefined);
    assert.deepEqual(s.actionItems.map((i) => i.owner), ['ana', 'tab', 'ana', 'x'], 'an empty `- [ ]` is not a task');
    assert.ok(s.actionItems.every((i) => !i.text.endsWith('\r')));
    assert.equal(s.actionItems[2].due, undefined, 'an impossible date is not a due date');
  });

  it('uses configured section aliases', () => {
    const text = '## Things to do\n\n- [ ] Custom heading @kim\n';
    assert.equal(readSummary(text).actionItems.length, 0);
    const aliases = { 'action-items': ['things to do'] } as never;
    assert.equal(readSummary(text, { sectionAliases: { ...aliasesWith(aliases) } }).actionItems.length, 1);
  });

  it('never throws on odd input', () => {
    for (const text of ['', '\u0000\u0001binary', '---', '---\n---', '## Action items\n- [ ]', '## Action items\n|a|\n|-|\n|', '\uFEFF']) {
      assert.doesNotThrow(() => readSummary(text));
    }
  });
});

function aliasesWith(extra: Record<string, string[]>) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { DEFAULT_SECTION_ALIASES } = require('../../../src/core/document/sectionNames') as typeof import('../../../src/core/document/sectionNames');
  return { ...DEFAULT_SECTION_ALIASES, ...extra };
}
