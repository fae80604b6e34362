/**
 * Trial 10's small slips: the label of an item whose ticket sat in brackets, and the reason a
 * `YYYY-MM-DD` due date that is not on the calendar is not read.
 */
import assert from 'node:assert/strict';
import { parsePostmortem } from '../../../src/core/document/parse';
import { readSummary } from '../../../src/core/index/readSummary';
import { lintText } from '../../../src/core/lint/engine';
import { dayProblem } from '../../../src/core/time/dayProblem';

const pm = (items: string) => `---\ntype: postmortem\nid: PM-1\ntitle: t\nstatus: draft\n---\n\n## Action items\n\n${items}\n`;

describe('small slips (trial 10)', () => {
  it('a ticket written in brackets leaves no empty () in the item\'s label; brackets with words stay', () => {
    const text = pm([
      '- [ ] Add alert (https://github.com/acme/api/issues/12) @bob due:2026-12-20',
      '- [ ] Add dashboard ([OPS-7](https://jira.example/browse/OPS-7)) @bob',
      '- [ ] Rotate keys (@dana, SEC-3)',
      '- [ ] Call `init()` before serving (see #44)',
      '- [ ] Fix (partial) rollout OPS-9',
    ].join('\n'));
    const expected = ['Add alert', 'Add dashboard', 'Rotate keys', 'Call `init()` before serving (see)', 'Fix (partial) rollout'];
    assert.deepEqual(readSummary(text).actionItems.map((i) => i.description), expected, 'the sidebar, `actions` and the metrics');
    assert.deepEqual(parsePostmortem(text).actionItems.map((i) => i.description), expected, 'lint messages quote the same words');
    assert.deepEqual(readSummary(text).actionItems.map((i) => i.ticket), ['https://github.com/acme/api/issues/12', 'https://jira.example/browse/OPS-7', 'SEC-3', '#44', 'OPS-9']);
  });

  it('a due or done date written in brackets leaves no "(" behind in the label', () => {
    const text = pm('- [ ] Add alert (due:2026-12-20) @bob\n- [ ] Add dashboard (done:2026-12-01) @bob\n- [ ] Rotate keys (due:2026-12-20).\n- [ ] Fix it due:2026-12-20.');
    const expected = ['Add alert', 'Add dashboard', 'Rotate keys.', 'Fix it'];
    assert.deepEqual(readSummary(text).actionItems.map((i) => i.description), expected);
    assert.deepEqual(parsePostmortem(text).actionItems.map((i) => i.description), expected);
    assert.deepEqual(readSummary(text).actionItems.map((i) => i.due), ['2026-12-20', undefined, '2026-12-20', '2026-12-20']);
  });

  it('says why a due date written YYYY-MM-DD is not a date: the month\'s days, or no such month', () => {
    const messages = lintText(pm('- [ ] A @bob due:2024-02-30\n- [ ] B @bob due:2025-02-29\n- [ ] C @bob due:2026-13-01\n- [ ] D @bob due:2026-04-31\n- [ ] E @bob due:soon'))
      .diagnostics.filter((d) => d.code === 'actions/bad-due').map((d) => d.message);
    assert.deepEqual(messages, [
      'Expected the due date as YYYY-MM-DD (a real calendar date), found "2024-02-30" (February 2024 has 29 days); until then the item has no due date',
      'Expected the due date as YYYY-MM-DD (a real calendar date), found "2025-02-29" (February 2025 has 28 days); until then the item has no due date',
      'Expected the due date as YYYY-MM-DD (a real calendar date), found "2026-13-01" (there is no month 13); until then the item has no due date',
      'Expected the due date as YYYY-MM-DD (a real calendar date), found "2026-04-31" (April 2026 has 30 days); until then the item has no due date',
      'Expected the due date as YYYY-MM-DD (a real calendar date), found "soon" (a word: relative dates such as "next week" are not read; write the calendar date); until then the item has no due date',
    ]);
    assert.equal(dayProblem('2024-02-29'), undefined, 'a real day has no problem');
    // Years 0–99 are not 1900–1999 (Date.UTC's reading): year 0 is a leap year, year 100 is not.
    assert.equal(dayProblem('0000-02-29'), undefined);
    assert.equal(dayProblem('0100-02-29'), 'February 0100 has 28 days');
    assert.equal(dayProblem('1 Aug 2026'), undefined, 'not year first: nothing to say about its days');
  });
});
