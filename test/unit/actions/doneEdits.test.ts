import { strict as assert } from 'node:assert';
import { parsePostmortem } from '../../../src/core/document/parse';
import { applyEdits } from '../../../src/core/fix/applyEdits';
import { lintText } from '../../../src/core/lint/engine';
import { doneEdits } from '../../../src/core/rules/actions/doneEdits';
import { writerToday } from '../../../src/core/time/writerZone';
import { actionItemEdits } from '../../../src/vscode/actions/actionItemEdits';
import { buildOnce, runCliWithEnv, workspace } from '../cli/harness';

const DOC = `---
type: postmortem
title: t
status: in-review
---
# T

## Action items

- [ ] Add a pool alert @ana due:2026-11-20 <!-- reviewer: which pool? -->
- [x] Rotate the keys @ana due:2026-11-01 done:2026-11-02
- [ ] Drop the old pool @bob due:2026-11-20 P2

| Action | Owner | Due | Status |
|--------|-------|-----|--------|
| Table item | bob | 2026-11-20 |  |
`;

const NOW = new Date('2026-11-27T12:00:00Z');
const line = (text: string, n: number) => text.split('\n')[n];

/** Issue 10: one "mark done" edit for the overdue fix and the action-items view (they were two copies). */
describe('marking an action item done: one edit for every host (src/core/rules/actions/doneEdits.ts)', () => {
  it('the overdue fix and the view\'s Mark done make the same edit, on task items and table rows', () => {
    const overdue = lintText(DOC, { now: NOW, fixFacts: { today: '2026-11-27' } }).diagnostics.filter((d) => d.code === 'actions/overdue');
    assert.deepEqual(overdue.map((d) => d.range.start.line), [9, 11, 15]);
    for (const d of overdue) {
      const fromView = actionItemEdits(DOC, { line: d.range.start.line }, true, '2026-11-27');
      assert.equal(fromView.kind, 'edits');
      assert.deepEqual(fromView.kind === 'edits' ? fromView.edits : [], d.fixes![0].edits, `line ${d.range.start.line}`);
    }
  });

  it('writes the date before a trailing comment, Done into an empty status cell', () => {
    const doc = parsePostmortem(DOC);
    const mark = (n: number) => {
      const r = doneEdits(doc, doc.actionItems.find((i) => i.line === n)!, true, '2026-11-27');
      assert.equal(r.kind, 'edits');
      return applyEdits(DOC, r.kind === 'edits' ? r.edits : []).text;
    };
    assert.equal(line(mark(9), 9), '- [x] Add a pool alert @ana due:2026-11-20 done:2026-11-27 <!-- reviewer: which pool? -->');
    // trial13b F7: the closing date is kept in the cell, and read back as the item's done date.
    assert.equal(line(mark(15), 15), '| Table item | bob | 2026-11-20 | Done (2026-11-27) |');
    assert.equal(parsePostmortem(mark(15)).actionItems.find((i) => i.line === 15)?.done?.value, '2026-11-27');
  });

  it('reopens: the box, and the done date with the space before it; a done row gets Open', () => {
    const r = actionItemEdits(DOC, { line: 10 }, false, '2026-11-27');
    assert.equal(r.kind, 'edits');
    const reopened = applyEdits(DOC, r.kind === 'edits' ? r.edits : []).text;
    assert.equal(line(reopened, 10), '- [ ] Rotate the keys @ana due:2026-11-01');
    const doneRow = mark15(DOC);
    const table = actionItemEdits(doneRow, { line: 15 }, false, '2026-11-27');
    assert.equal(line(applyEdits(doneRow, table.kind === 'edits' ? table.edits : []).text, 15), '| Table item | bob | 2026-11-20 | Open |');
  });

  it('says when there is nothing to do', () => {
    assert.deepEqual(actionItemEdits(DOC, { line: 10 }, true, '2026-11-27'), { kind: 'unchanged', message: 'That action item is already done.' });
    assert.deepEqual(actionItemEdits(DOC, { line: 11 }, false, '2026-11-27'), { kind: 'unchanged', message: 'That action item is already open.' });
    assert.equal(actionItemEdits(DOC, { line: 3 }, true, '2026-11-27').kind, 'missing');
  });
});

function mark15(text: string): string {
  const r = actionItemEdits(text, { line: 15 }, true, '2026-11-27');
  return applyEdits(text, r.kind === 'edits' ? r.edits : []).text;
}

describe('the writer\'s today (the date fixes write)', () => {
  // 2026-11-28 06:30 UTC is 22:30 on the 27th in Los Angeles and 07:30 on the 28th in Berlin.
  const late = Date.parse('2026-11-28T06:30:00Z');

  it('is the calendar day in the writer\'s zone, not UTC\'s and not the document\'s', () => {
    assert.equal(writerToday(late, 'America/Los_Angeles'), '2026-11-27');
    assert.equal(writerToday(late, 'Europe/Berlin'), '2026-11-28');
    assert.equal(writerToday(late, 'Pacific/Kiritimati'), '2026-11-28');
    assert.equal(writerToday(late, undefined), '2026-11-28', 'no zone known: UTC');
  });

  it('the CLI under TZ=America/Los_Angeles at 22:30 offers done and due dates of the 27th (UTC: the 28th)', function () {
    this.timeout(120_000);
    buildOnce();
    const ws = workspace({ 'postmortems/a.md': DOC.replace('- [ ] Drop the old pool @bob due:2026-11-20 P2', '- [ ] Drop the old pool @bob due:2026-11-20 P2\n- [ ] No date yet @li') });
    try {
      const titles = (tz: string) => {
        const r = runCliWithEnv(ws.dir, { TZ: tz }, 'lint', '--format', 'json', '--now', '2026-11-28T06:30:00Z');
        const report = JSON.parse(r.stdout) as { code: string; fixes?: { title: string }[] }[];
        return report.filter((d) => d.code === 'actions/overdue' || d.code === 'actions/missing-due').map((d) => d.fixes?.[0]?.title);
      };
      assert.deepEqual(titles('America/Los_Angeles'), ['Mark done (done:2026-11-27, today)', 'Mark done (done:2026-11-27, today)', 'Set the due date to 2026-12-11 (14 days from today)', 'Mark done (Status: Done (2026-11-27), today)']);
      assert.deepEqual(titles('UTC'), ['Mark done (done:2026-11-28, today)', 'Mark done (done:2026-11-28, today)', 'Set the due date to 2026-12-12 (14 days from today)', 'Mark done (Status: Done (2026-11-28), today)']);
    } finally {
      ws.cleanup();
    }
  });
});
