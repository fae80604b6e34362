import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDueValue } from '../../../src/core/actions/dueDate';
import { readSummary } from '../../../src/core/index/readSummary';
import { lintText } from '../../../src/core/lint/engine';
import { parseInstant } from '../../../src/core/time/instant';
import { dateProblem, formatUtcDate, isValidDate, utcMsOf } from '../../../src/core/time/zones';

/**
 * Hostile times and years (trial19b F1, F5, F7): what lint accepts, the readers use; years 0000–0099
 * are those years, not 1900–1999; a due date in year 0226 or 0000 is said, not read.
 */
const BASE = readFileSync(join(__dirname, '../../../examples/postmortems/2026-11-20-checkout-pool-exhaustion.md'), 'utf8');
const NOW = new Date('2026-12-08T00:15:00Z');
const withResolved = (value: string) => BASE.replace(/^resolved_at: .*$/m, `resolved_at: ${value}`);
const lineOf = (text: string, start: string) => text.split('\n').findIndex((l) => l.startsWith(start));

describe('hostile times: one rule of a readable time for lint and the readers (trial19b F1)', () => {
  for (const value of ['2026-11-20T16:10:00+14:01', '2026-11-20T16:10:00+15:00', '2026-11-20T05:10:00-12:30', '2026-11-20T15:10:00-23:59']) {
    it(`lint rejects ${value} on its line, with the reason the lists give, and the lists drop it`, () => {
      const text = withResolved(value);
      const line = lineOf(text, 'resolved_at:');
      const errors = lintText(text, { now: NOW }).diagnostics.filter((d) => d.range.start.line === line && d.severity === 'error');
      assert.deepEqual(errors.map((d) => d.code), ['schema/format'], JSON.stringify(errors));
      assert.match(errors[0].message, /offset .* not one a clock uses \(they run from −12:00 to \+14:00/);
      const summary = readSummary(text);
      assert.equal(summary.milestones.resolved, undefined);
      assert.ok(summary.problems.some((p) => p.includes('resolved_at') && p.includes('not one a clock uses') && p.includes('which lint rejects (schema/format)')), summary.problems.join('\n'));
    });
  }

  it('offsets clocks use (+14:00, −12:00, +05:45) stay readable to both', () => {
    for (const value of ['2026-11-21T05:10:00+14:00', '2026-11-20T03:10:00-12:00', '2026-11-20T20:55:00+05:45']) {
      const text = withResolved(value);
      const line = lineOf(text, 'resolved_at:');
      assert.deepEqual(lintText(text, { now: NOW }).diagnostics.filter((d) => d.range.start.line === line && d.code === 'schema/format'), [], value);
      assert.equal(readSummary(text).milestones.resolved, Date.parse('2026-11-20T15:10:00Z'), value);
    }
  });
});

describe('years 0000–0099 are those years, not 1900–1999 (trial19b F7)', () => {
  it('counts and names the year as written', () => {
    assert.equal(new Date(utcMsOf(26, 10, 20)).toISOString(), '0026-11-20T00:00:00.000Z');
    assert.equal(new Date(utcMsOf(0, 1, 29)).toISOString(), '0000-02-29T00:00:00.000Z');
    assert.equal(isValidDate(0, 2, 29), true, 'year 0 is a leap year (proleptic Gregorian, RFC 3339)');
    assert.equal(isValidDate(100, 2, 29), false);
    assert.equal(dateProblem(1, 2, 29), '0001-02-29 does not exist: February 0001 has 28 days');
    assert.equal(formatUtcDate(Date.parse('0026-11-20T00:00:00Z')), '0026-11-20');
    assert.equal(parseInstant('0026-11-20T14:02:00Z')?.ms, Date.parse('0026-11-20T14:02:00Z'));
  });

  it('lint quotes 0026, not 1926, for a front-matter time and a timeline entry', () => {
    const text = BASE.replace(/^started_at: .*$/m, 'started_at: 0026-11-20T14:02:00Z');
    const messages = lintText(text, { now: NOW }).diagnostics.map((d) => d.message).join('\n');
    assert.match(messages, /found 0026-11-20T14:02:00Z, which is before 1970/);
    assert.doesNotMatch(messages, /1926/);
    const timeline = BASE.replace(/^- (\d{4}-\d{2}-\d{2} )?13:55Z?/m, (m) => m.replace(/2026/, '0026'));
    assert.notEqual(timeline, BASE, 'the example has a 13:55 entry');
    const all = lintText(timeline, { now: NOW }).diagnostics.map((d) => d.message).join('\n');
    assert.match(all, /0026-11-20 13:55/);
    assert.doesNotMatch(all, /1926/);
  });
});

describe('due dates in implausible years are said, not read (trial19b F5)', () => {
  const item = (due: string) => BASE.replace(/^- \[ \] Page on pool saturation above 80% for 2 minutes.*$/m, `- [ ] Page on pool saturation @priya (${due})`);

  it('due words with year 0226 or 0000: unread, with why; never a NaN or 657,425 days overdue', () => {
    assert.deepEqual(readDueValue('0226-12-20)'), { kind: 'unread', why: '0226-12-20 is not a due date: its year is outside 1970–2200, so 0226 is likely a slip or a placeholder; write due:YYYY-MM-DD', length: 10 });
    assert.equal(readDueValue('2226-12-20')?.kind, 'unread');
    assert.deepEqual(readDueValue('2026-12-20'), { kind: 'date', value: '2026-12-20', length: 10 });
    for (const due of ['due 0226-12-20', 'due 0000-01-01', 'due:0226-12-20', 'due:0000-01-01']) {
      const text = item(due);
      assert.notEqual(text, BASE);
      const diagnostics = lintText(text, { now: NOW }).diagnostics;
      const all = diagnostics.map((d) => d.message).join('\n');
      assert.doesNotMatch(all, /NaN|(?<!\d)226-12-20|657\d\d\d days/, due);
      const said = diagnostics.filter((d) => /year is outside 1970–2200/.test(d.message));
      assert.equal(said.length, 1, `${due}: ${all}`);
      const taken = readSummary(text).actionItems.find((a) => a.description.startsWith('Page on pool saturation'));
      assert.ok(taken, due);
      assert.equal(taken.due, undefined, due);
    }
  });

  it('lint --fix does not write due:226-12-20', () => {
    const text = item('due 0226-12-20');
    const fixes = lintText(text, { now: NOW }).diagnostics.flatMap((d) => d.fixes ?? []).flatMap((f) => f.edits.map((e) => e.newText));
    assert.ok(!fixes.some((t) => /due:0?226/.test(t)), JSON.stringify(fixes));
  });
});
