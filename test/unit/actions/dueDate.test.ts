import assert from 'node:assert/strict';
import { readDueValue } from '../../../src/core/actions/dueDate';
import { dueWithYear } from '../../../src/core/actions/dueYear';
import { parsePostmortem } from '../../../src/core/document/parse';
import { readSummary } from '../../../src/core/index/readSummary';
import { lintText } from '../../../src/core/lint/engine';
import { incidentOf } from '../../../src/core/metrics/incident';
import { convertPostmortem } from '../../../src/core/import/convert';

/**
 * Due dates written otherwise than YYYY-MM-DD were read as "no due date", with no hint a date was
 * seen. The one due-date reader (actions/dueDate.ts) reads a month by name ("Dec 14", "14 December
 * 2026") and year-first numbers ("2026/12/14"); a year-less date takes the year that puts it on or
 * after the incident date, and says so; numeric day/month dates, weekdays and relative words are
 * not guessed, and the lint says why. Lint, the summary (sidebar, `actions`), the metrics and
 * `convert` read the same dates.
 */
const doc = (items: string, front = 'started_at: 2026-11-20T10:00:00Z') => `---\ntype: postmortem\ntitle: Due\nstatus: in-review\n${front}\n---\n\n# Due\n\n## Action items\n\n${items}\n`;
const NOW = new Date('2026-12-07T00:00:00Z');

describe('due dates written in words (actions/dueDate.ts, dueYear.ts)', () => {
  it('reads month names, year first numbers and ISO; says what it does not read and why', () => {
    assert.deepEqual(readDueValue('Dec 14'), { kind: 'yearless', month: 12, day: 14, length: 6 });
    assert.deepEqual(readDueValue('14 December 2026 @bob'), { kind: 'date', value: '2026-12-14', length: 16 });
    assert.deepEqual(readDueValue('December 14th, 2026'), { kind: 'date', value: '2026-12-14', length: 19 });
    assert.deepEqual(readDueValue('14th of Dec'), { kind: 'yearless', month: 12, day: 14, length: 11 });
    assert.deepEqual(readDueValue('Fri, Dec 18'), { kind: 'yearless', month: 12, day: 18, length: 11 });
    assert.deepEqual(readDueValue('2026/12/14'), { kind: 'date', value: '2026-12-14', length: 10 });
    assert.deepEqual(readDueValue('2026.12.4'), { kind: 'date', value: '2026-12-04', length: 9 });
    assert.deepEqual(readDueValue('03/04'), { kind: 'unread', why: '03/04 could be 3 April or 4 March; write due:YYYY-MM-DD', length: 5 });
    const why = (t: string) => { const r = readDueValue(t); return r?.kind === 'unread' ? r.why : r?.kind; };
    assert.equal(why('14/12'), '14/12 would be 14 December written day first, but numeric dates are not read (day and month order differ by country); write due:YYYY-MM-DD');
    assert.equal(why('12/14/2026'), '12/14/2026 would be 14 December written month first, but numeric dates are not read (day and month order differ by country); write due:YYYY-MM-DD');
    assert.equal(why('Friday'), '"Friday" names a weekday, not a date: which one depends on the day it was written; write due:YYYY-MM-DD');
    assert.equal(why('next week'), '"next week" is relative: it changes with the day it is read; write due:YYYY-MM-DD');
    assert.equal(why('Feb 30'), 'Feb 30 is not a calendar date; write due:YYYY-MM-DD');
    assert.equal(why('2026-13-40'), '2026-13-40 is not a calendar date; write due:YYYY-MM-DD');
    // Not dates at all: "due to the outage", "1-2 weeks".
    assert.equal(readDueValue('to the outage'), undefined);
    assert.equal(readDueValue('1-2 weeks'), undefined);
    // With the document's order known (convert's evidence), numbers are read in that order.
    assert.deepEqual(readDueValue('14/12/2026', { dayFirst: true }), { kind: 'date', value: '2026-12-14', length: 10 });
    assert.deepEqual(readDueValue('03/04', { dayFirst: false }), { kind: 'yearless', month: 3, day: 4, length: 5 });
  });

  it('takes the year that puts a year-less date on or after the incident date, and says so', () => {
    const anchor = { day: '2026-11-20', name: 'the incident date' };
    assert.deepEqual(dueWithYear(12, 14, anchor), { value: '2026-12-14', note: 'year taken from the incident date (2026-11-20)' });
    assert.deepEqual(dueWithYear(11, 20, anchor), { value: '2026-11-20', note: 'year taken from the incident date (2026-11-20)' });
    assert.deepEqual(dueWithYear(1, 5, anchor), { value: '2027-01-05', note: 'year taken from the incident date (2026-11-20)' });
    assert.deepEqual(dueWithYear(2, 29, anchor), { value: '2028-02-29', note: 'year taken from the incident date (2026-11-20)' });
    assert.ok('why' in dueWithYear(12, 14, undefined));
  });

  it('lint says the reading and offers due:YYYY-MM-DD only for unambiguous dates; every consumer reads the same due date', () => {
    const text = doc(['- [ ] A @bob due Dec 14', '- [ ] B @bob due 14 December', '- [ ] C @bob due 14/12', '- [ ] D @bob due by Friday', '- [ ] E @bob due: 2026/12/14', '- [ ] F @bob due 03/04', '- [ ] G @bob failed due to DNS due:2026-12-20'].join('\n'));
    const diagnostics = lintText(text, { now: NOW }).diagnostics.filter((d) => d.code.startsWith('actions/'));
    const at = (letter: string) => diagnostics.filter((d) => d.range.start.line === text.split('\n').findIndex((l) => l.startsWith(`- [ ] ${letter} `)));
    const [a] = at('A');
    assert.equal(a.code, 'actions/due-in-words');
    assert.match(a.message, /\("due Dec 14"\).*read as the due date, 2026-12-14: year taken from the incident date \(2026-11-20\)$/);
    assert.deepEqual(a.fixes?.map((f) => [f.title, f.edits[0].newText, f.isPreferred]), [['Write it as due:2026-12-14', 'due:2026-12-14', true]]);
    assert.match(at('B')[0].message, /read as the due date, 2026-12-14: year taken from the incident date/);
    assert.match(at('E')[0].message, /\("due: 2026\/12\/14"\).*read as the due date, 2026-12-14$/);
    for (const [letter, why] of [['C', /"due 14\/12" is not read: 14\/12 would be 14 December written day first/], ['D', /"due by Friday" is not read: "Friday" names a weekday/], ['F', /"due 03\/04" is not read: 03\/04 could be 3 April or 4 March; write due:YYYY-MM-DD$/]] as const) {
      const [d] = at(letter);
      assert.equal(d.code, 'actions/missing-due', letter);
      assert.match(d.message, why, letter);
      assert.ok(!d.fixes?.some((f) => f.edits.some((e) => /due:2026-12-14|due:2027-03-04|due:2027-04-03/.test(e.newText))), `${letter}: no guessed date offered`);
    }
    assert.equal(at('G').length, 0, '"due to" is prose');
    const parsed = parsePostmortem(text).actionItems.map((i) => i.due?.value);
    assert.deepEqual(parsed, ['2026-12-14', '2026-12-14', undefined, undefined, '2026-12-14', undefined, '2026-12-20']);
    const summary = readSummary(text).actionItems;
    assert.deepEqual(summary.map((i) => i.due), parsed, 'sidebar and actions');
    assert.deepEqual(incidentOf({ uri: 'a.md', text }).actions.map((i) => i.due), parsed, 'metrics');
    assert.deepEqual(summary.map((i) => i.dueUnread), [undefined, undefined, 'due 14/12', 'due by Friday', undefined, 'due 03/04', undefined], 'the sidebar and actions say a due date was seen');
    assert.equal(summary[0].dueYearFrom, 'year taken from the incident date (2026-11-20)');
  });

  it('without an incident or publication date a year-less date is not read, and lint says why', () => {
    const text = doc('- [ ] A @bob due Dec 14', 'severity: SEV2');
    const [d] = lintText(text, { now: NOW }).diagnostics.filter((x) => x.code === 'actions/missing-due');
    assert.match(d.message, /"due Dec 14" is not read: no year is written, and the post-mortem has no incident or publication date to take it from; write due:YYYY-MM-DD$/);
    assert.equal(readSummary(text).actionItems[0].due, undefined);
    assert.equal(parsePostmortem(text).actionItems[0].due, undefined);
  });

  it('convert reads due dates with the same reader: a month name with the incident\'s year (said), a numeric date of unknown order not at all (said)', () => {
    const source = ['# Outage', '', 'Date: 2026-11-20', '', '## Action items', '', '| Action | Owner | Due |', '|---|---|---|', '| Add alert | Ana | Dec 14 |', '| Fix pool | Ben | 03/04 |', '| Write runbook | Cy | by Friday |', ''].join('\n');
    const result = convertPostmortem(source, { fileName: 'outage.md' });
    assert.match(result.text, /Add alert @Ana due:2026-12-14/);
    assert.doesNotMatch(result.text, /due:20\d\d-0[34]-0[34]/, 'no guessed order');
    const said = result.diagnostics.map((d) => `${d.code} ${d.message}`);
    assert.ok(said.includes('convert/due-year Due date "Dec 14" read as 2026-12-14: year taken from the incident date (2026-11-20)'), said.join('\n'));
    assert.ok(said.includes('convert/due-not-read Due date "03/04" is not read: 03/04 could be 3 April or 4 March; write due:YYYY-MM-DD'), said.join('\n'));
  });
});
