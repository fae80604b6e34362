import assert from 'node:assert/strict';
import { parsePostmortem } from '../../../src/core/document/parse';
import { convertPostmortem } from '../../../src/core/import/convert';
import { lintText } from '../../../src/core/lint/engine';

/**
 * The Impact table's numbers go to the front matter's `impact`, where list, metrics and the schema
 * read them, by the reader lint's "Fill impact from the Impact table" fix uses; and a published
 * SEV1/SEV2 review that still lacks them is said to (trial17c F17: `| Users affected | 14,200 |`
 * stayed in the table, and convert/status listed id … published_at but not impact, which lint then
 * asked for).
 */
const review = (rows: readonly string[], head: readonly string[] = []) => [...head, '# Payments API latency', '', '**Severity:** P1', '**Status:** Final', '', 'All times are UTC.', '', '## Impact', '', '| Metric | Value |', '|---|---|', ...rows, '', '## Timeline', '', '- 2026-12-05 18:12 Alert fires', '- 2026-12-05 19:48 Resolved', ''].join('\n');
const impactOf = (text: string) => parsePostmortem(text).meta.impact;
const statusFlag = (r: ReturnType<typeof convertPostmortem>) => r.diagnostics.find((d) => d.code === 'convert/status')?.message ?? '';

describe('convert: the Impact table fills impact', () => {
  it('copies the numbers, says each, keeps the table; what a published SEV1 still lacks names impact.downtime_minutes', () => {
    const result = convertPostmortem(review(['| Users affected | 14,200 |', '| Refunds issued | 212 |']));
    assert.deepEqual(impactOf(result.text), { users_affected: 14200 });
    assert.ok(result.text.includes('| Users affected | 14,200 |'), 'the table stays as written');
    assert.deepEqual(result.notes.filter((n) => /^impact\./.test(n.message)).map((n) => [n.line, n.message]), [[11, 'impact.users_affected: 14200, read from the Impact table\'s row "| Users affected | 14,200 |"']]);
    assert.match(statusFlag(result), /, impact\.downtime_minutes could not be read/);
  });

  it('with both numbers, a published SEV1 lacks no impact, and lint asks for none', () => {
    const result = convertPostmortem(review(['| Users affected | 14,200 |', '| Downtime (minutes) | 96 |']));
    assert.deepEqual(impactOf(result.text), { users_affected: 14200, downtime_minutes: 96 });
    assert.doesNotMatch(statusFlag(result), /impact/);
    const lint = lintText(result.text, { now: new Date('2026-12-07T12:00:00Z') }).diagnostics;
    assert.deepEqual(lint.filter((d) => /impact/.test(d.message) && d.code.startsWith('schema/')), []);
    assert.deepEqual(lint.filter((d) => d.code.startsWith('impact/')).map((d) => d.code), []);
  });

  it('without an Impact table the list names impact whole; a SEV3 is not asked for it', () => {
    const none = review([]).replace(/## Impact[\s\S]*?## Timeline/, '## Timeline');
    assert.match(statusFlag(convertPostmortem(none)), /, impact \(users_affected, downtime_minutes\) could not be read/);
    assert.doesNotMatch(statusFlag(convertPostmortem(none.replace('P1', 'P3'))), /impact/);
  });

  it('a cell read by a guess is a warning; one not read is reported and not written', () => {
    const result = convertPostmortem(review(['| Users affected | ~14,000 |', '| Downtime | 96 |']));
    assert.deepEqual(impactOf(result.text), { downtime_minutes: 96 });
    const said = result.diagnostics.filter((d) => d.code === 'convert/not-read' || d.code === 'convert/guessed-impact').map((d) => [d.code, d.range.start.line]);
    assert.deepEqual(said, [['convert/not-read', 11], ['convert/guessed-impact', 12]]);
    assert.match(result.diagnostics.find((d) => d.code === 'convert/not-read')!.message, /^The Impact table's row "\| Users affected \| ~14,000 \|" is kept as written, not read into impact\.users_affected \(/);
    assert.equal(result.report.complete, false);
  });

  it('the original\'s front matter impact wins; a table that disagrees is said', () => {
    const result = convertPostmortem(review(['| Users affected | 14,200 |', '| Downtime (minutes) | 96 |'], ['---', 'impact:', '  users_affected: 9000', '---']));
    assert.deepEqual(impactOf(result.text), { users_affected: 9000, downtime_minutes: 96 });
    assert.ok(result.notes.some((n) => n.message === 'impact.users_affected: 9000 is kept, from the original\'s front matter or Summary; the Impact table\'s row "| Users affected | 14,200 |" says 14200 (check they agree)'));
  });
});
