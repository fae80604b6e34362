import assert from 'node:assert/strict';
import { parsePostmortem } from '../../../src/core/document/parse';
import { convertPostmortem, wordsLost } from '../../../src/core/import/convert';
import { lintText } from '../../../src/core/lint/engine';

/**
 * Trial 16a F14: an Action-items table whose Action cell starts with a box ("| [ ] Add lag alert |")
 * became "- [ ] [ ] Add lag alert", titled "[ ] Add lag alert" in `actions` and tickets; a team
 * owner `@ops/payments` became `@ops-payments` (a team nobody has) although lint reads `@org/team`.
 */
const review = (rows: readonly string[]) => [
  '# Payments queue stall',
  '',
  '**Date:** 2026-11-02',
  '',
  '## Corrective actions',
  '',
  '| Action | Owner | Due | Status |',
  '|---|---|---|---|',
  ...rows,
  '',
  '## Timeline',
  '',
  '- 2026-11-02 01:00 UTC Queue stalled',
  '',
].join('\n');

function converted(rows: readonly string[]) {
  const text = review(rows);
  const result = convertPostmortem(text, { defaultZone: 'UTC' });
  return { text, result, items: parsePostmortem(result.text).actionItems, tasks: result.text.split('\n').filter((l) => /^- \[/.test(l)), codes: result.diagnostics.map((d) => d.code) };
}

describe('convert: an action table with a box in the Action cell and a team owner', () => {
  it('the box typed in the cell is the item\'s box: "[ ]" open, "[x]" and "☑" done, never written twice', () => {
    const r = converted([
      '| [ ] Add lag alert | @kim | 2026-12-20 | |',
      '| [x] Restart workers | @lee | 2026-11-03 | |',
      '| ☑ Page the DB team | @ana | 2026-11-03 | |',
      '| ☐ Write the runbook | @kim | 2026-12-22 | |',
    ]);
    assert.deepEqual(r.tasks, [
      '- [ ] Add lag alert @kim due:2026-12-20',
      '- [x] Restart workers @lee due:2026-11-03',
      '- [x] Page the DB team @ana due:2026-11-03',
      '- [ ] Write the runbook @kim due:2026-12-22',
    ]);
    assert.deepEqual(r.items.map((i) => [i.description, i.isDone]), [['Add lag alert', false], ['Restart workers', true], ['Page the DB team', true], ['Write the runbook', false]]);
    assert.ok(r.result.report.complete, r.codes.join());
    assert.deepEqual(wordsLost(r.text, r.result.text, r.result.replaced), []);
  });

  it('a box the row\'s status contradicts: written as the status says, and said', () => {
    const r = converted(['| [x] Add lag alert | @kim | 2026-12-20 | In progress |', '| [ ] Restart workers | @lee | 2026-11-03 | Done |', '| [ ] Load test | @ana | 2026-12-22 | Open |']);
    assert.deepEqual(r.items.map((i) => i.isDone), [false, true, false]);
    const said = r.result.diagnostics.filter((d) => d.code === 'convert/box-and-status');
    assert.deepEqual(said.map((d) => d.range.start.line), [8, 9]);
    assert.match(said[0].message, /^The item "Add lag alert" is ticked \(\[x\]\) but its row says it is still open: written open/);
    assert.match(said[1].message, /^The item "Restart workers" has an empty box \(\[ \]\) but its row says it is done: written done/);
    assert.ok(!r.result.report.complete);
  });

  it('a team owner "@ops/payments" stays the team lint and `actions --owner ops/payments` read; "Eng/Ops" is still joined and said', () => {
    const r = converted(['| Move batch off the DST hour | @ops/payments | 2026-12-31 | In progress |', '| Fix alert routing | acme/sre-oncall | 2026-12-30 | |', '| Split queues | Eng/Ops | 2026-12-29 | |']);
    assert.deepEqual(r.items.map((i) => i.owner?.value), ['ops/payments', 'acme/sre-oncall', 'Eng-Ops']);
    assert.deepEqual(r.result.diagnostics.filter((d) => d.code === 'convert/owner-joined').map((d) => d.range.start.line), [10]);
    const lint = lintText(r.result.text, { now: new Date('2026-11-05T12:00:00Z') }).diagnostics;
    assert.deepEqual(lint.filter((d) => d.code === 'actions/bad-owner' || d.code === 'actions/missing-owner'), []);
  });
});
