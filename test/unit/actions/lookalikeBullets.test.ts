import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/lint/engine';
import { readSummary } from '../../../src/core/api';
import { isNotReadProblem } from '../../../src/core/index';
import { applyEdits } from '../../../src/core/fix/applyEdits';
import { lookalikeBullet, withoutTags } from '../../../src/core/text/lookalikeBullet';
import type { Diagnostic } from '../../../src/core/types';

/**
 * Trial16a F16: items with an owner and a due date written after `-` and a no-break space (a paste
 * from Google Docs, Confluence or Slack), a `•` or `–` bullet, indented four spaces or a tab (code
 * to Markdown), or as an HTML list item vanished with no word: lint clean, `actions` exit 0, the
 * metrics one item short. Timeline entries after those bullets gave "found no [detected]". The code
 * host shows none of them as a list item with a checkbox, so no reader takes them; every reader
 * now says so, and the fix writes the standard form.
 */
const NOW = new Date('2026-12-07T00:00:00Z');
const doc = (actionLines: readonly string[], timelineLines: readonly string[] = ['- 2026-11-20 14:00Z [started] Deploy']) => [
  '---', 'type: postmortem', 'id: PM-LOOK', 'title: Look-alikes', 'status: draft', 'started_at: 2026-11-20T14:00:00Z', '---', '',
  '## Timeline', '', ...timelineLines, '',
  '## Action items', '', ...actionLines, '- [ ] Load test pools @lee due:2026-12-22', '',
].join('\n');

function fixed(text: string, d: Diagnostic): string {
  return applyEdits(text, d.fixes![0]!.edits).text;
}

describe('lines that look like list items but are text or code to Markdown (trial16a F16)', () => {
  const cases: [string, string, RegExp, string][] = [
    ['a no-break space after -', '-\u00a0[ ] Add pool alert @kim due:2026-12-20', /a no-break space \(U\+00A0\) after '-'/, '- [ ] Add pool alert @kim due:2026-12-20'],
    ['a narrow no-break space after *', '*\u202f[ ] Add pool alert @kim due:2026-12-20', /a narrow no-break space \(U\+202F\) after '\*'/, '* [ ] Add pool alert @kim due:2026-12-20'],
    ['a • bullet with a box', '• [ ] Add pool alert @kim due:2026-12-20', /a '•' bullet \(U\+2022 BULLET\)/, '- [ ] Add pool alert @kim due:2026-12-20'],
    ['an – bullet without a box', '– Add pool alert @kim due:2026-12-20', /a '–' bullet \(U\+2013 EN DASH\)/, '- [ ] Add pool alert @kim due:2026-12-20'],
    ['a ◦ bullet, done', '◦\t[x] Rotated keys @kim', /a '◦' bullet \(U\+25E6 WHITE BULLET\)/, '- [x] Rotated keys @kim'],
    ['an HTML checkbox', '<input type="checkbox"> Add pool alert @kim due:2026-12-20', /an HTML checkbox/, '- [ ] Add pool alert @kim due:2026-12-20'],
    ['indented 4 spaces', '    - [ ] Add pool alert @kim due:2026-12-20', /a task line indented by 4 spaces, which Markdown shows as code/, '- [ ] Add pool alert @kim due:2026-12-20'],
    ['indented by a tab', '\t- [ ] Add pool alert @kim due:2026-12-20', /a task line indented by a tab, which Markdown shows as code/, '- [ ] Add pool alert @kim due:2026-12-20'],
  ];
  for (const [name, line, what, standard] of cases) {
    it(`${name}: actions/not-a-task names it, the summary notes it, the fix writes the task`, () => {
      const text = doc([line]);
      const { diagnostics, doc: parsed } = lintText(text, { now: NOW });
      assert.deepEqual(parsed.actionItems.map((i) => i.description), ['Load test pools'], 'Markdown reads one task');
      const said = diagnostics.filter((d) => d.code === 'actions/not-a-task');
      assert.equal(said.length, 1, JSON.stringify(diagnostics.map((d) => d.message)));
      assert.equal(said[0]!.range.start.line, 14);
      assert.match(said[0]!.message, what);
      assert.match(said[0]!.message, /not an action item \(not in postmortem actions, the Action Items view or the metrics\)/);
      const after = fixed(text, said[0]!);
      assert.equal(after.split('\n')[14], standard);
      assert.deepEqual(lintText(after, { now: NOW }).doc.actionItems.map((i) => i.description), [standard.replace(/^[-*] \[[ x]\] | @.*$/g, ''), 'Load test pools']);
      const summary = readSummary(text);
      assert.equal(summary.untakenActionItems?.asText, 1);
      assert.deepEqual(summary.untakenActionItems?.lines, [14]);
      const note = summary.problems.find((p) => p.startsWith('Task items not read, line 15'));
      assert.ok(note && isNotReadProblem(note), summary.problems.join('\n'));
    });
  }

  it('an HTML list of tasks: actions/hidden-task on each item, one fix writing the list as Markdown tasks', () => {
    const text = doc(['<ul>', '<li>[ ] Add pool alert @kim due:2026-12-20</li>', '<li><input type="checkbox" checked> Rotated keys @ana</li>', '</ul>', '']);
    const { diagnostics } = lintText(text, { now: NOW });
    const said = diagnostics.filter((d) => d.code === 'actions/hidden-task');
    assert.deepEqual(said.map((d) => d.range.start.line), [15, 16]);
    assert.match(said[0]!.message, /found an HTML list item with an owner and a due date in the HTML block opened by "<ul>" \(line 15\): the code host shows an HTML list with no checkbox/);
    assert.equal(said[1]!.fixes, undefined, 'one fix per block');
    const after = fixed(text, said[0]!);
    assert.match(after, /## Action items\n\n- \[ \] Add pool alert @kim due:2026-12-20\n- \[x\] Rotated keys @ana\n\n- \[ \] Load test pools/);
    assert.equal(lintText(after, { now: NOW }).doc.actionItems.length, 3);
    const summary = readSummary(text);
    assert.equal(summary.hiddenActionItems?.html, 2);
    assert.match(summary.problems.join('\n'), /Task items not read, line 16: 2 task lines .* an HTML list item, shown with no checkbox \(line 16\).*write HTML list items as Markdown tasks/);
  });

  it('one-line HTML list (Confluence): said, fixed', () => {
    const text = doc(['<ul><li><input type="checkbox"> Add pool alert @kim due:2026-12-20</li></ul>', '']);
    const said = lintText(text, { now: NOW }).diagnostics.filter((d) => d.code === 'actions/hidden-task');
    assert.equal(said.length, 1);
    assert.equal(fixed(text, said[0]!).split('\n')[14], '- [ ] Add pool alert @kim due:2026-12-20');
  });

  it('leaves alone what is no item: prose after a dash, a bullet with neither box, owner nor due, fenced examples, HTML lists of plain words', () => {
    const text = doc([
      '– and the rest is discussed below.', '• Improve dashboards', '',
      '```', '-\u00a0[ ] example @kim due:2026-12-20', '    - [ ] example @kim', '```', '',
      '<ul><li>Improve dashboards</li></ul>', '',
    ]);
    const { diagnostics } = lintText(text, { now: NOW });
    assert.deepEqual(diagnostics.filter((d) => /actions\/(not-a-task|hidden-task)/.test(d.code)).map((d) => d.message), []);
    assert.equal(readSummary(text).problems.filter((p) => p.startsWith('Task items not read')).length, 0);
  });

  for (const [name, line, what, standard] of [
    ['a no-break space after -', '-\u00a014:09Z [detected] Pager alert', /a no-break space \(U\+00A0\) after '-'/, '- 14:09Z [detected] Pager alert'],
    ['a • bullet', '• 14:09Z [detected] Pager alert', /a '•' bullet/, '- 14:09Z [detected] Pager alert'],
    ['an – bullet', '– 14:09Z [detected] Pager alert', /a '–' bullet/, '- 14:09Z [detected] Pager alert'],
  ] as const) {
    it(`timeline, ${name}: timeline/not-list-item names the milestone that counts nowhere, the summary notes it, the fix writes - `, () => {
      const text = doc([], ['- 2026-11-20 14:00Z [started] Deploy', line]);
      const { diagnostics, doc: parsed } = lintText(text, { now: NOW });
      assert.equal(parsed.timeline.length, 1);
      const said = diagnostics.filter((d) => d.code === 'timeline/not-list-item');
      assert.equal(said.length, 1);
      assert.match(said[0]!.message, what);
      assert.match(said[0]!.message, /its time and \[detected\] count nowhere/);
      const after = fixed(text, said[0]!);
      assert.equal(after.split('\n')[11], standard);
      assert.deepEqual(lintText(after, { now: NOW }).doc.timeline.map((e) => e.milestones), [['started'], ['detected']]);
      const note = readSummary(text).problems.find((p) => p.startsWith('Timeline entries not read, line 12'));
      assert.ok(note && isNotReadProblem(note) && /\[detected\] count nowhere/.test(note), readSummary(text).problems.join('\n'));
    });
  }

  it('timeline: an entry indented into code is said even when it is the only one', () => {
    const text = doc([], ['    - 2026-11-20 14:09Z [detected] Pager alert']);
    const said = lintText(text, { now: NOW }).diagnostics.filter((d) => d.code === 'timeline/not-list-item');
    assert.equal(said.length, 1);
    assert.match(said[0]!.message, /an entry indented by 4 spaces, which Markdown shows as code/);
    assert.equal(fixed(text, said[0]!).split('\n')[10], '- 2026-11-20 14:09Z [detected] Pager alert');
  });

  it('the scanners stay linear on hostile lines', () => {
    const many = '<'.repeat(200_000);
    const t0 = Date.now();
    assert.equal(withoutTags(many), many);
    assert.equal(lookalikeBullet(`-${'\u00a0'.repeat(200_000)}x`)?.markerEnd, 200_001);
    assert.ok(Date.now() - t0 < 5_000);
  });
});
