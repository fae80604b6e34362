/**
 * The impact numbers are written once: the Impact table (the `pm-impact` snippet's) fills the front
 * matter's `impact`, and the front matter fills a new table. Only exact numbers are copied.
 */
import { strict as assert } from 'node:assert';
import { parsePostmortem } from '../../../src/core/document/parse';
import { applyEdits } from '../../../src/core/fix/applyEdits';
import { lintText } from '../../../src/core/lint/engine';
import { fillFrontMatterFromTable, tableFromFrontMatter } from '../../../src/core/rules/impact/impactFixes';
import { readImpactTable } from '../../../src/core/rules/impact/impactTable';

const HEAD = 'type: postmortem\nid: PM-1\ntitle: t\nstatus: in-review\nseverity: SEV2\nstarted_at: 2026-11-20T13:58:00Z\ndetected_at: 2026-11-20T14:09:00Z\nmitigated_at: 2026-11-20T14:45:00Z\nresolved_at: 2026-11-20T15:10:00Z\nfacilitator: Dana';

function doc(frontMatter: string, impact: string, eol = '\n'): string {
  return `---\n${HEAD}\n${frontMatter}---\n# T\n\n## Impact\n\n${impact}`.replace(/\n/g, eol);
}

const TABLE = '| Measure | Value |\n| --- | --- |\n| Users affected | ${USERS} |\n| Downtime (minutes) | ${DOWN} |\n| Revenue lost (USD) | 0 |\n';

function table(users: string, down: string): string {
  return TABLE.replace('${USERS}', users).replace('${DOWN}', down);
}

describe('impact fixes', () => {
  it('reads exact numbers only: separators, $, units; not approximations or other currencies', () => {
    const t = '| Measure | Value |\n|---|---|\n| Users affected | ~1,200 |\n| Downtime | 2 hours |\n| Revenue lost | €300 |\n| Recovery cost (USD) | $1,250.50 |\n';
    const values = readImpactTable(parsePostmortem(doc('', t)));
    assert.deepEqual(values.map((v) => [v.key, v.value]), [['downtime_minutes', 120], ['recovery_cost_usd', 1250.5]]);
  });

  it('fills the front matter from the table, and fix-all may apply it when the numbers are real', () => {
    const text = doc('', table('1,200', '47').replace('| Revenue lost (USD) | 0 |', '| Revenue lost (USD) | $3,100 |'));
    const fix = fillFrontMatterFromTable(parsePostmortem(text))!;
    assert.equal(fix.title, 'Fill `impact` in the front matter from the Impact table (users_affected: 1200, downtime_minutes: 47, revenue_usd: 3100)');
    assert.equal(fix.isPreferred, true, 'the required numbers are there and none is 0');
    const fixed = applyEdits(text, fix.edits).text;
    assert.match(fixed, /\nimpact:\n {2}users_affected: 1200\n {2}downtime_minutes: 47\n {2}revenue_usd: 3100\n---\n/);
    assert.deepEqual(lintText(fixed).diagnostics.filter((d) => d.code.startsWith('schema/')), []);
  });

  it('leaves the snippet\'s 0 placeholders to a person: offered, not preferred', () => {
    const fix = fillFrontMatterFromTable(parsePostmortem(doc('', table('0', '0'))))!;
    assert.ok(fix);
    assert.notEqual(fix.isPreferred, true);
    assert.notEqual(fillFrontMatterFromTable(parsePostmortem(doc('', table('1,200', '47'))))!.isPreferred, true, 'revenue 0 may be a placeholder too');
    const schema = lintText(doc('', table('0', '0'))).diagnostics.find((d) => d.code === 'schema/required')!;
    assert.equal(schema.fixes?.[0].title, fix.title, 'the schema/required diagnostic carries the fix');
  });

  it('keeps CRLF line ends', () => {
    const text = doc('', table('5', '6'), '\r\n');
    const fixed = applyEdits(text, fillFrontMatterFromTable(parsePostmortem(text))!.edits).text;
    assert.doesNotMatch(fixed.replace(/\r\n/g, ''), /\n/);
    assert.match(fixed, /\r\nimpact:\r\n {2}users_affected: 5\r\n/);
  });

  it('offers no fill without a table or with broken YAML; fills a flow mapping inside its braces (trial15a F10)', () => {
    assert.equal(fillFrontMatterFromTable(parsePostmortem(doc('', 'Lots of users.\n'))), undefined);
    const flow = doc('impact: { revenue_usd: 5 }\n', table('5', '6'));
    assert.deepEqual(parsePostmortem(applyEdits(flow, fillFrontMatterFromTable(parsePostmortem(flow))!.edits).text).meta.impact, { revenue_usd: 5, users_affected: 5, downtime_minutes: 6 });
    assert.equal(fillFrontMatterFromTable(parsePostmortem(doc('title: [unclosed\n', table('5', '6')))), undefined);
  });

  it('writes a table from the front matter into an Impact section without one', () => {
    const text = doc('impact:\n  users_affected: 12400\n  downtime_minutes: 47\n  business: "Tickets | doubled"\n', 'Search served stale results.\n\n## Timeline\n');
    const fix = tableFromFrontMatter(parsePostmortem(text))!;
    const fixed = applyEdits(text, fix.edits).text;
    assert.match(fixed, /Search served stale results\.\n\n\| Measure \| Value \|\n\| --- \| --- \|\n\| Users affected \| 12,400 \|\n\| Downtime \(minutes\) \| 47 \|\n\| Business impact \| Tickets \\\| doubled \|\n\n## Timeline\n/);
    // Written once: the table read back gives the front matter's numbers, and nothing disagrees.
    assert.deepEqual(readImpactTable(parsePostmortem(fixed)).map((v) => [v.key, v.value]), [['users_affected', 12400], ['downtime_minutes', 47], ['business', 'Tickets | doubled']]);
    assert.deepEqual(lintText(fixed).diagnostics.filter((d) => d.code === 'impact/table-mismatch'), []);
    assert.equal(tableFromFrontMatter(parsePostmortem(fixed)), undefined, 'not twice');
  });

  it('impact/table-mismatch offers both directions, neither preferred', () => {
    const text = doc('impact:\n  users_affected: 1500\n  downtime_minutes: 47\n', table('1,200', '47'));
    const d = lintText(text).diagnostics.find((x) => x.code === 'impact/table-mismatch')!;
    assert.match(d.message, /"Users affected" \(1200\).*`impact\.users_affected` \(1500\)/);
    assert.deepEqual(d.fixes!.map((f) => [f.title, f.isPreferred]), [
      ['Use the table\'s 1200 in the front matter (impact.users_affected)', undefined],
      ['Use the front matter\'s 1500 in the table', undefined],
    ]);
    assert.match(applyEdits(text, d.fixes![0].edits).text, /\n {2}users_affected: 1200\n/);
    assert.match(applyEdits(text, d.fixes![1].edits).text, /\| Users affected \| 1500 \|/);
  });
});
