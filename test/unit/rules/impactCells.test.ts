/**
 * Impact-table cells written as people in other places write numbers (trial 10, T15): each is read
 * when its meaning is plain (saying so when reading it took a guess), or reported on the cell with
 * the value and how to write it — never dropped without a word, never copied into the front matter
 * as a different number, and never a euro amount in a USD field.
 */
import { strict as assert } from 'node:assert';
import { assertLinearGrowth } from '../robustness/linearGrowth';
import { parsePostmortem } from '../../../src/core/document/parse';
import { applyEdits } from '../../../src/core/fix/applyEdits';
import { lintText } from '../../../src/core/lint/engine';
import { fillFrontMatterFromTable } from '../../../src/core/rules/impact/impactFixes';
import { readImpactCell } from '../../../src/core/impact/impactCell';
import { readImpactTable } from '../../../src/core/rules/impact/impactTable';

const HEAD = 'type: postmortem\nid: PM-1\ntitle: t\nstatus: in-review\nseverity: SEV3\nstarted_at: 2026-11-20T13:58:00Z\ndetected_at: 2026-11-20T14:09:00Z\nmitigated_at: 2026-11-20T14:45:00Z\nresolved_at: 2026-11-20T15:10:00Z\nfacilitator: Dana';

function doc(rows: readonly [string, string][], frontMatter = ''): string {
  const table = ['| Measure | Value |', '| --- | --- |', ...rows.map(([l, v]) => `| ${l} | ${v} |`)].join('\n');
  return `---\n${HEAD}\n${frontMatter}---\n# T\n\n## Impact\n\nCheckout failed for EU users.\n\n${table}\n`;
}

function unreadCells(text: string) {
  return lintText(text).diagnostics.filter((d) => d.code === 'impact/unread-cell').map((d) => {
    const line = text.split('\n')[d.range.start.line];
    return { cell: line.slice(d.range.start.character, d.range.end.character), message: d.message, severity: d.severity };
  });
}

describe('impact table cells in other locales (T15)', () => {
  it('reports a German thousands separator on its cell, with both readings, and fills nothing from it', () => {
    const text = doc([['Users affected', '1.200'], ['Downtime (minutes)', '47']]);
    assert.deepEqual(unreadCells(text), [{
      cell: '1.200',
      message: 'Expected a number of users in the Impact table\'s "Users affected" row, found `1.200` (not read into `impact.users_affected`): a dot between thousands? Users are counted whole: write 1200 if that is the count',
      severity: 'warning',
    }]);
    const fix = fillFrontMatterFromTable(parsePostmortem(text))!;
    assert.equal(fix.title, 'Fill `impact` in the front matter from the Impact table (downtime_minutes: 47); not read: users_affected (1.200)');
    assert.notEqual(fix.isPreferred, true);
    const fixed = applyEdits(text, fix.edits).text;
    assert.match(fixed, /\nimpact:\n {2}downtime_minutes: 47\n---\n/);
    assert.doesNotMatch(fixed, /users_affected: /, 'neither 1.2 nor 1200 is written for the writer');
  });

  it('never reads a euro amount into revenue_usd or recovery_cost_usd: says so and asks for USD', () => {
    const text = doc([['Revenue lost (USD)', '€12,500'], ['Recovery cost', '12.500 €'], ['Users affected', '300']]);
    assert.deepEqual(unreadCells(text).map((c) => [c.cell, c.message]), [
      ['€12,500', 'Expected an amount in USD in the Impact table\'s "Revenue lost (USD)" row, found `€12,500` (not read into `impact.revenue_usd`): another currency; convert it and write it in USD'],
      ['12.500 €', 'Expected an amount in USD in the Impact table\'s "Recovery cost" row, found `12.500 €` (not read into `impact.recovery_cost_usd`): another currency; convert it and write it in USD'],
    ]);
    assert.deepEqual(readImpactTable(parsePostmortem(text)).map((v) => [v.key, v.value]), [['users_affected', 300]]);
    // Nor a bare number under a label in another currency, nor another country's dollars.
    const labelled = doc([['Revenue lost (EUR)', '1200'], ['Recovery cost', 'A$300']]);
    assert.deepEqual(unreadCells(labelled).map((c) => c.message), [
      'Expected an amount in USD in the Impact table\'s "Revenue lost (EUR)" row, found `1200` (not read into `impact.revenue_usd`): the label "Revenue lost (EUR)" gives another currency; convert it and write it in USD',
      'Expected an amount in USD in the Impact table\'s "Recovery cost" row, found `A$300` (not read into `impact.recovery_cost_usd`): another currency; convert it and write it in USD',
    ]);
    assert.equal(fillFrontMatterFromTable(parsePostmortem(labelled)), undefined, 'nothing to fill');
  });

  it('reads the plain ones: spaces and apostrophes between thousands, $1.2M, 2h 30m, a German 1.200.000', () => {
    const text = doc([['Users affected', '1\u202f200.000'.replace('.000', '')], ['Downtime', '2h 30m'], ['Revenue lost', '$1.2M'], ['Recovery cost (USD)', '4\'500']]);
    assert.deepEqual(unreadCells(text), []);
    assert.deepEqual(readImpactTable(parsePostmortem(text)).map((v) => [v.key, v.value, v.note]), [
      ['users_affected', 1200, undefined], ['downtime_minutes', 150, undefined], ['revenue_usd', 1_200_000, undefined], ['recovery_cost_usd', 4500, undefined],
    ]);
    assert.deepEqual(readImpactTable(parsePostmortem(doc([['Users affected', '1.200.000']]))).map((v) => [v.value, v.note]), [[1_200_000, 'read 1.200.000 as 1200000: dots as thousands separators']]);
  });

  it('says where it guessed — a unit not written, a decimal comma — and then leaves the fill to a person', () => {
    const text = doc([['Users affected', '1,200'], ['Downtime', '40'], ['Revenue lost (USD)', '$3,100']]);
    const fix = fillFrontMatterFromTable(parsePostmortem(text))!;
    assert.equal(fix.title, 'Fill `impact` in the front matter from the Impact table (users_affected: 1200, downtime_minutes: 40 (no unit written: read as minutes), revenue_usd: 3100)');
    assert.notEqual(fix.isPreferred, true, 'fix-all does not apply a guess');
    const hours = readImpactTable(parsePostmortem(doc([['Downtime (hours)', '1,5']])));
    assert.deepEqual(hours.map((v) => [v.value, v.note]), [[90, 'read 1,5 as 1.5: a decimal comma']]);
    // `1200 m` users: 1.2 billion as written, but a scale after a number of a thousand or more is more likely a slip.
    const big = readImpactTable(parsePostmortem(doc([['Users affected', '1200 m'], ['Revenue lost (USD)', '$1.2M']])));
    assert.deepEqual(big.map((v) => [v.value, v.note]), [[1_200_000_000, 'read 1200 m as 1,200,000,000 (m after 1200); if m meant something else, write the number alone'], [1_200_000, undefined]]);
    assert.notEqual(fillFrontMatterFromTable(parsePostmortem(doc([['Users affected', '1200 m']])))!.isPreferred, true);
    const mismatch = lintText(doc([['Downtime', '40']], 'impact:\n  downtime_minutes: 45\n')).diagnostics.find((d) => d.code === 'impact/table-mismatch')!;
    assert.match(mismatch.message, /"Downtime \(minutes\)" \(40, no unit written: read as minutes\)/);
  });

  it('reports approximations, ranges, shares, clock times and prose with a number, each naming the value', () => {
    const text = doc([['Users affected', '12%'], ['Downtime', '~40 min'], ['Revenue lost', '$10k–20k'], ['Recovery cost', 'about 2 engineer-days']]);
    assert.deepEqual(unreadCells(text).map((c) => [c.cell, c.message.replace(/^.*\(not read into [^)]*\): /, '')]), [
      ['12%', 'a share, not a number of users; write a number of users'],
      ['~40 min', 'an approximation; write the number alone if it is the one counted, or fill `impact.downtime_minutes` by hand'],
      ['$10k–20k', 'a range; write the one number to count alone, or fill `impact.revenue_usd` by hand'],
      ['about 2 engineer-days', 'an approximation; write the number alone if it is the one counted, or fill `impact.recovery_cost_usd` by hand'],
    ]);
    assert.deepEqual(readImpactCell('downtime_minutes', 'Downtime', '1:30'), { kind: 'unread', reason: 'hours and minutes, or minutes and seconds? Write the minutes, e.g. 90 min' });
    assert.equal(readImpactCell('downtime_minutes', 'Downtime', '47 minutes (EU only)').kind, 'unread');
    assert.equal(readImpactCell('users_affected', 'Users affected', '$4,000').kind, 'unread');
  });

  it('is quiet on cells without a number and on the snippet\'s own table; info while drafting', () => {
    assert.deepEqual(unreadCells(doc([['Users affected', 'n/a'], ['Downtime (minutes)', 'unknown'], ['Revenue lost (USD)', '—'], ['Business impact', 'Support load up 3.5x']])), []);
    assert.deepEqual(unreadCells(doc([['Users affected', '0'], ['Downtime (minutes)', '0'], ['Revenue lost (USD)', '0'], ['Recovery cost (USD)', '0']])), []);
    const draft = doc([['Users affected', '1.200']]).replace('status: in-review', 'status: draft');
    assert.equal(unreadCells(draft)[0].severity, 'info');
  });

  it('lets the first row for a measure decide: a later row does not stand in for one not read', () => {
    const text = doc([['Users affected', '1.200'], ['Users affected (EU)', '300']]);
    assert.deepEqual(readImpactTable(parsePostmortem(text)), []);
    assert.equal(unreadCells(text).length, 1);
  });

  // Review of T15 (trial 10): labels that give a unit, a rate or time instead of money; slips in durations.
  it('asks which of 1200 or 1.2 only where both can be meant (not for a number of users)', () => {
    assert.deepEqual(readImpactCell('downtime_minutes', 'Downtime (hours)', '1.200'), { kind: 'unread', reason: 'is the dot in 1.200 a thousands separator or a decimal point? Write 1200 or 1.2' });
    assert.deepEqual(readImpactCell('revenue_usd', 'Revenue lost', '$1.200'), { kind: 'unread', reason: 'is the dot in 1.200 a thousands separator or a decimal point? Write 1200 or 1.2' });
    assert.equal(readImpactCell('users_affected', 'Users affected', '1.5k').kind, 'number');
  });

  it('does not take a number from a column chosen by position: several value columns are reported, a Notes column is not', () => {
    const several = `---\n${HEAD}\n---\n# T\n\n## Impact\n\n| Measure | Before | During |\n| --- | --- | --- |\n| Users affected | 0 | 1,200 |\n| Business impact | none | checkout down |\n`;
    assert.deepEqual(readImpactTable(parsePostmortem(several)), [], 'neither "0" nor "none" (the Before column) is taken');
    assert.deepEqual(unreadCells(several).map((c) => [c.cell, c.message.replace(/^.*\(not read into [^)]*\): /, '')]), [
      ['0', 'one of several value columns ("Before", "During"): which one is the number? keep one value column, as `| Measure | Value |`'],
    ]);
    const notes = `---\n${HEAD}\n---\n# T\n\n## Impact\n\n| Measure | Value | Notes |\n| --- | --- | --- |\n| Users affected | 1,200 | EU only |\n`;
    assert.deepEqual(readImpactTable(parsePostmortem(notes)).map((v) => [v.key, v.value]), [['users_affected', 1200]]);
    assert.deepEqual(unreadCells(notes), []);
  });

  it('takes a Downtime unit from the label only when the label names it (seconds too), never from "business hours"', () => {
    const read = (label: string, cell: string) => {
      const r = readImpactCell('downtime_minutes', label, cell);
      return r.kind === 'number' ? [r.value, r.note] : [r.kind];
    };
    assert.deepEqual(read('Downtime (seconds)', '90'), [1.5, undefined], '90 seconds, not 90 minutes');
    assert.deepEqual(read('Downtime [s]', '90'), [1.5, undefined]);
    assert.deepEqual(read('Downtime in hours', '2'), [120, undefined]);
    assert.deepEqual(read('Downtime (minutes, business hours)', '90'), [90, undefined]);
    assert.deepEqual(read('Downtime (business hours)', '90'), [90, 'no unit written: read as minutes'], 'not 90 hours');
    assert.deepEqual(read('Downtime during peak hours', '90'), [90, 'no unit written: read as minutes']);
    assert.deepEqual(read('Downtime (weeks)', '1'), ['unread']);
    assert.deepEqual(read('Downtime (ms)', '900'), ['unread']);
    // A label that opens with its unit, or names it right after "downtime" (GitLab's "Minutes downtime or degradation").
    assert.deepEqual(read('Hours of downtime', '3'), [180, undefined], '3 hours, not 3 minutes');
    assert.deepEqual(read('Minutes downtime or degradation', '47'), [47, undefined], 'no "no unit written" note');
    assert.deepEqual(read('Downtime minutes', '47'), [47, undefined]);
    assert.deepEqual(read('Weeks of downtime', '2'), ['unread']);
    assert.deepEqual(read('Downtime for users in peak hours', '90'), [90, 'no unit written: read as minutes']);
    const text = doc([['Downtime (seconds)', '90'], ['Downtime (business hours)', '45']]);
    assert.deepEqual(readImpactTable(parsePostmortem(text)).map((v) => [v.value, v.note]), [[1.5, undefined]], 'the first row for a measure decides');
  });

  it('reads an abbreviation with its dot; reports units repeated or out of order and clock-time spans', () => {
    const read = (cell: string) => {
      const r = readImpactCell('downtime_minutes', 'Downtime', cell);
      return r.kind === 'number' ? r.value : r.kind === 'unread' ? r.reason : r.kind;
    };
    assert.equal(read('30 min.'), 30);
    assert.equal(read('2 hrs. 15 min.'), 135);
    assert.equal(read('1 hour 30 minutes'), 90);
    assert.equal(read('1h 1h'), 'units repeated or out of order; write the minutes, e.g. 90');
    assert.equal(read('30 m 2 h'), 'units repeated or out of order; write the minutes, e.g. 90');
    assert.equal(read('13:04–13:51'), 'a span of clock times; write the minutes between them, e.g. 47');
    assert.equal(read('01:30:00'), 'hours and minutes, or minutes and seconds? Write the minutes, e.g. 90 min');
  });

  it('never reads engineer hours, a rate or a date as the number asked for', () => {
    const text = doc([['Users affected per hour', '1200'], ['Downtime (minutes)', '47'], ['Revenue lost (USD/h)', '500'], ['Recovery cost (engineer hours)', '40']]);
    assert.deepEqual(unreadCells(text).map((c) => [c.cell, c.message.replace(/^.*\(not read into [^)]*\): /, '')]), [
      ['1200', 'a rate (the label is "Users affected per hour"); write a number of users in total'],
      ['500', 'a rate (the label is "Revenue lost (USD/h)"); write an amount in USD in total'],
      ['40', 'the label "Recovery cost (engineer hours)" counts time, not money; write an amount in USD'],
    ]);
    assert.deepEqual(readImpactTable(parsePostmortem(text)).map((v) => [v.key, v.value]), [['downtime_minutes', 47]]);
    // Dollars written in the cell are dollars, whatever else the label says; a region is no rate.
    assert.deepEqual(readImpactCell('recovery_cost_usd', 'Recovery cost (engineer hours)', '$4,000'), { kind: 'number', value: 4000 });
    assert.deepEqual(readImpactCell('users_affected', 'Users affected per region', '1200'), { kind: 'number', value: 1200 });
    assert.deepEqual(readImpactCell('users_affected', 'Users affected', '2024-01-01'), { kind: 'unread', reason: 'a date, not a number of users' });
    assert.deepEqual(readImpactCell('revenue_usd', 'Revenue lost', '300 pounds'), { kind: 'unread', reason: 'another currency; convert it and write it in USD' });
  });

  it('quotes a long cell and label cut, and reads a 50 KB hostile table in linear time', () => {
    const long = `${'1 '.repeat(40)}users`;
    const [report] = unreadCells(doc([['Users affected', long]]));
    assert.equal(report.cell, long, 'the range covers the whole cell');
    assert.match(report.message, /found `(?:1 ){30}…` \(not read/);
    // Growth between sizes, not a wall-clock limit: a busy machine slowed the 50 KB case past a fixed 2 s.
    const shapes: [string, (n: number) => [string, string]][] = [
      ['label of "k "', (n) => ['Downtime ' + 'k '.repeat(n), '1']],
      ['label of "$ "', (n) => ['Revenue ' + '$ '.repeat(n), '1']],
      ['label of spaces', (n) => ['Downtime (' + ' '.repeat(2 * n), '1']],
      ['cell of "1 "', (n) => ['Users affected', '1 '.repeat(n)]],
      ['cell of "1h"', (n) => ['Downtime', '1h'.repeat(n)]],
    ];
    for (const [name, make] of shapes) {
      assertLinearGrowth(`impact table, ${name}`, (text) => lintText(text), (n) => doc([make(n)]), [2_500, 25_000]);
    }
  });
});
