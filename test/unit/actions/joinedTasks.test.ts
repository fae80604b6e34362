import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/lint/engine';
import { readSummary } from '../../../src/core/api';
import actions from '../../../src/cli/commands/actions';
import { runInProcess } from '../../robustness/inProcess';
import { workspace } from '../cli/harness';

/**
 * Trial 15a F18: three tasks joined by `<br>` on one line were one item of the first owner, due on
 * the last task's date (shown 15 days overdue). Now only the first task is read and lint says how
 * many were joined.
 */
const DOC = [
  '---', 'type: postmortem', 'id: PM-BR', 'title: Joined', 'status: draft', '---', '',
  '## Action items', '',
  '- [ ] Add alert @kim due:2026-12-20<br>- [ ] Runbook @lee due:2026-11-21<br>- [ ] Canary @raj due:2026-11-22',
  '', '| Action | Owner |', '|---|---|', '| Drain script due:2026-12-21<br>* [x] Old task due:2026-11-01 | @ana |', '',
].join('\n');

describe('tasks joined by <br> on one line (trial 15a F18)', () => {
  it('reads only the first task: its own owner and due date, no other task\'s', () => {
    const { doc, diagnostics } = lintText(DOC, { now: new Date('2026-12-07T00:00:00Z') });
    const [first, cell] = doc.actionItems;
    assert.equal(first!.description, 'Add alert');
    assert.equal(first!.owner?.value, 'kim');
    assert.equal(first!.due?.value, '2026-12-20');
    assert.equal(cell!.due?.value, '2026-12-21');
    const joined = diagnostics.filter((d) => d.code === 'actions/joined-tasks');
    assert.deepEqual(joined.map((d) => d.range.start.line), [9, 13]);
    assert.match(joined[0]!.message, /found 3 tasks joined by <br> on one line \("Add alert" first\): only the first is read, the other 2 are not listed/);
    assert.match(joined[1]!.message, /found 2 tasks joined .* the other one is not listed/);
    // No overdue, bad-due or second-owner report built from another task's text.
    assert.deepEqual(diagnostics.filter((d) => /actions\/(overdue|bad-due|one-owner|one-due)/.test(d.code)), []);
    // The summary (actions, list, metrics) reads the same.
    assert.deepEqual(readSummary(DOC).actionItems.map((i) => [i.description, i.owner, i.due]), [['Add alert', 'kim', '2026-12-20'], ['Drain script', 'ana', '2026-12-21']]);
  });

  it('actions names the joined line, lists the first task on its own date and exits 1', async () => {
    const ws = workspace({ 'postmortems/a.md': DOC });
    try {
      const r = await runInProcess(actions, ws.dir, '--now', '2026-12-07T00:00:00Z');
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stdout, /a\.md:10 +Add alert +@kim +due 2026-12-20\n/);
      assert.doesNotMatch(r.stdout, /OVERDUE|Runbook/);
      assert.match(r.stderr, /Task items not read, line 10: tasks joined by <br> on one line \(3 on line 10, 2 on line 14\): only the first of each line is read, so 3 tasks are not listed or counted; split them/);
    } finally {
      ws.cleanup();
    }
  });
});
