/**
 * Impact-table cells written as people in other places write numbers (trial 10, T15): each is read
 * when its meaning is plain (saying so when reading it took a guess), or reported on the cell with
 * the value and how to write it — never dropped without a word, never copied into the front matter
 * as a different number, and never a euro amount in a USD field.
 */
import { strict as assert } from 'node:assert';
import { parsePostmortem } from '../../../src/core/document/parse';
import { applyEdits } from '../../../src/core/fix/applyEdits';
import { lintText } from '../../../src/core/lint/engine';
import { fillFrontMatterFromTable } from '../../../src/core/rules/impact/impactFixes';
import { readImpactCell } from '../../../src/core/rules/impact/impactCell';
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
      message: '`1.200`: a thousands separator or a decimal point? write 1200 or 1.2 (not read into `impact.users_affected`)',
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
      ['€12,500', 'Expected an amount in USD for revenue_usd, found €12,500; convert it and write it in USD (not read into `impact.revenue_usd`)'],
      ['12.500 €', 'Expected an amount in USD for recovery_cost_usd, found 12.500 €; convert it and write it in USD (not read into `impact.recovery_cost_usd`)'],
    ]);
    assert.deepEqual(readImpactTable(parsePostmortem(text)).map((v) => [v.key, v.value]), [['users_affected', 300]]);
    // Nor a bare number under a label in another currency, nor another country's dollars.
    const labelled = doc([['Revenue lost (EUR)', '1200'], ['Recovery cost', 'A$300']]);
    assert.deepEqual(unreadCells(labelled).map((c) => c.message), [
      'Expected an amount in USD for revenue_usd, found 1200 under "Revenue lost (EUR)"; convert it and write it in USD (not read into `impact.revenue_usd`)',
      'Expected an amount in USD for recovery_cost_usd, found A$300; convert it and write it in USD (not read into `impact.recovery_cost_usd`)',
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
    const mismatch = lintText(doc([['Downtime', '40']], 'impact:\n  downtime_minutes: 45\n')).diagnostics.find((d) => d.code === 'impact/table-mismatch')!;
    assert.match(mismatch.message, /"Downtime \(minutes\)" \(40, no unit written: read as minutes\)/);
  });

  it('reports approximations, ranges, shares, clock times and prose with a number, each naming the value', () => {
    const text = doc([['Users affected', '12%'], ['Downtime', '~40 min'], ['Revenue lost', '$10k–20k'], ['Recovery cost', 'about 2 engineer-days']]);
    assert.deepEqual(unreadCells(text).map((c) => [c.cell, c.message.replace(/ \(not read.*$/, '')]), [
      ['12%', '`12%` is a share, not the number of users: write the number of users'],
      ['~40 min', '`~40 min` is approximate: the front matter takes a number as counted; write the number alone if it is the one to count, or fill `impact.downtime_minutes` by hand'],
      ['$10k–20k', '`$10k–20k` is approximate: the front matter takes a number as counted; write the number alone if it is the one to count, or fill `impact.revenue_usd` by hand'],
      ['about 2 engineer-days', '`about 2 engineer-days` is approximate: the front matter takes a number as counted; write the number alone if it is the one to count, or fill `impact.recovery_cost_usd` by hand'],
    ]);
    assert.deepEqual(readImpactCell('downtime_minutes', 'Downtime', '1:30'), { kind: 'unread', reason: '`1:30`: hours and minutes, or minutes and seconds? write the minutes, e.g. 90 min' });
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
});
