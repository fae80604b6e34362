import { strict as assert } from 'node:assert';
import { readStatusCell, statusCellDoneDate } from '../../../src/core/actions/statusCell';

describe('readStatusCell (one status reader for lint, index, metrics and convert)', () => {
  it('reads done written the ways people write it', () => {
    for (const s of ['Done', 'DONE', '**Done**', 'Done ✅', '✅ Done', '✅', 'Done.', 'done (2026-11-01)', 'Closed ✔️', '✔', '✔️', '☑', '☑️', 'x', 'Completed',
      'Complete', 'Resolved', 'Yes', 'Fixed in v2', '~~Open~~ Done', 'Erledigt', 'erledigt', 'Hecho', '完了', '対応済み', 'Terminé', 'Done 2026-11-01', 'Done on 5 May',
      'Resolved by @bob', 'Closed - duplicate', 'Merged (PR #12)']) {
      assert.equal(readStatusCell(s), 'done', s);
    }
  });

  it('keeps closed-without-doing apart from done', () => {
    for (const s of ["Won't do", 'Won’t fix', 'Cancelled', 'canceled', 'Obsolete', 'Wontfix (see #3)']) assert.equal(readStatusCell(s), 'not-doing', s);
  });

  it('never reads a negated or withdrawn done as done', () => {
    for (const s of ['Not done', 'Undone', 'No', 'Open', 'In progress', 'TODO', 'Not started', 'Partially done', 'offen', 'en cours', '未着手']) {
      assert.notEqual(readStatusCell(s), 'done', s);
    }
    assert.equal(readStatusCell('Not done'), 'open');
    assert.equal(readStatusCell('Undone'), 'open');
    assert.equal(readStatusCell('~~Done~~'), 'unread');
    assert.equal(readStatusCell('Done when the vendor ships'), 'unread');
    assert.equal(readStatusCell('Done by 2026-12-01'), 'unread');
    assert.equal(readStatusCell('Done?'), 'unread');
  });

  it('says empty for an empty cell and unread for what it cannot read', () => {
    assert.equal(readStatusCell('  '), 'empty');
    for (const s of ['Fertig?', 'Waiting on vendor', '2026-11-01', 'Done'.padEnd(400, '!')]) assert.equal(readStatusCell(s), 'unread', s);
  });

  it('stays fast on a long hostile cell', () => {
    const cell = `✅ done ${'( '.repeat(5000)}`;
    const t = Date.now();
    readStatusCell(cell);
    readStatusCell('~~'.repeat(20000));
    assert.ok(Date.now() - t < 2000);
  });

  // trial13b F7: `Done (2026-12-03)` was read as done without a date, so no time to close was counted.
  it('reads the closing date of a done cell, where it is, and nothing from a cell that is not done', () => {
    const date = (s: string) => statusCellDoneDate(s)?.value;
    for (const s of ['Done (2026-12-03)', 'done (2026-12-03)', '✅ 2026-12-03', 'Closed 2026-12-03', 'Done on 2026-12-03', '**Done** (2026-12-03)', '~~Open~~ Done (2026-12-03)', 'Done (2026-12-03, PR #4)']) {
      assert.equal(date(s), '2026-12-03', s);
    }
    assert.deepEqual(statusCellDoneDate('Done (2026-12-03)'), { value: '2026-12-03', start: 6, end: 16 });
    for (const s of ['Done', 'Open (2026-12-03)', 'Done by 2026-12-03', "Won't do (2026-12-03)", 'Done (2026-02-30)', 'Done (12026-12-03)', '~~Done 2026-12-01~~', 'Done ~~2026-12-01~~']) {
      assert.equal(date(s), undefined, s);
    }
  });
});
