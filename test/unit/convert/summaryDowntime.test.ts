import assert from 'node:assert/strict';
import { parsePostmortem } from '../../../src/core/document/parse';
import { convertPostmortem } from '../../../src/core/import/convert';
import { formatConvertReport } from '../../../src/core/import/convert/report';

/**
 * GitLab's Summary field "Minutes downtime or degradation" read by the Impact table's cell reader
 * (one reader of durations for lint and convert): what convert cannot read exactly is not written
 * as a number but reported, and a value read by a guess is written and said.
 */
function convertField(label: string, value: string, frontMatter = '') {
  const text = `${frontMatter}# Incident Review: replication lag\n\n## Summary\n\n1. Service(s) affected: web\n2. ${label}: ${value}\n\n## Timeline\n\nAll times UTC.\n\n2026-05-04\n\n- 13:02 - alert fires\n- 13:49 - 502s stop\n`;
  const r = convertPostmortem(text, { fileName: 'review.md' });
  return {
    impact: parsePostmortem(r.text).meta.impact,
    notes: r.notes.filter((n) => n.line === 5 + frontMatter.split('\n').length - 1).map((n) => n.message),
    flags: r.diagnostics.filter((d) => d.code === 'convert/not-read' || d.code === 'convert/guessed-impact').map((d) => `${d.code} ${d.severity}: ${d.message}`),
    complete: r.report.complete,
    report: formatConvertReport('review.md', r).join('\n'),
    text: r.text,
  };
}

describe('convert: the Summary\'s downtime read by the Impact cell reader', () => {
  it('reads exact durations in the units people write: hours, days, seconds, 1.5 h', () => {
    const cases: [string, string, number][] = [
      ['Minutes downtime or degradation', '47', 47],
      ['Minutes downtime or degradation', '_47_', 47],
      ['Minutes downtime or degradation', '47 min', 47],
      ['Minutes downtime or degradation', '1.5 h', 90],
      ['Minutes downtime or degradation', '1h 10m', 70],
      ['Minutes downtime or degradation', '2 hours 30 minutes', 150],
      ['Minutes downtime or degradation', '1 day 2 h', 1560],
      ['Minutes downtime or degradation', '90 seconds', 1.5],
      ['Downtime (hours)', '2', 120],
      ['Hours of downtime', '3', 180],
    ];
    for (const [label, value, minutes] of cases) {
      const got = convertField(label, value);
      assert.deepEqual(got.impact, { downtime_minutes: minutes }, `${label}: ${value}`);
      assert.deepEqual(got.flags, [], `${label}: ${value} is read exactly, nothing to review`);
      assert.deepEqual(got.notes, [`impact.downtime_minutes: ${minutes}, read from "${label}: ${value}"`]);
    }
  });

  it('writes no number for an approximation, a range, a clock span or an unknown unit, and names the value in the report', () => {
    const cases: [string, string, RegExp][] = [
      ['~47 min', '~47 min', /an approximation/],
      ['about 2 hours', 'about 2 hours', /an approximation/],
      ['30-60 min', '30-60 min', /a range/],
      ['13:04–13:51', '13:04–13:51', /a span of clock times/],
      ['1:30', '1:30', /hours and minutes, or minutes and seconds\?/],
      ['2 weeks', '2 weeks', /more than a number of minutes/],
      ['47 (EU only)', '47 (EU only)', /more than a number/],
      ['unknown', 'unknown', /no number in it/],
    ];
    for (const [value, shown, why] of cases) {
      const got = convertField('Minutes downtime or degradation', value);
      assert.equal(got.impact, undefined, `${value}: no impact written`);
      assert.equal(got.flags.length, 1, `${value}: ${got.flags.join('\n')}`);
      assert.ok(got.flags[0].startsWith(`convert/not-read warning: "Minutes downtime or degradation: ${shown}" is kept in the Summary as written, not read into impact.downtime_minutes (`), got.flags[0]);
      assert.match(got.flags[0], why);
      assert.equal(got.complete, false, `${value}: not "complete"`);
      assert.match(got.report, /incomplete: 1 thing to review/);
      assert.ok(got.text.includes(`2. Minutes downtime or degradation: ${value}`), 'kept as written in the Summary');
      assert.ok(!got.notes.some((n) => n.startsWith('impact.downtime_minutes:')), 'no note claims a value was read');
    }
  });

  it('a unit that only the label gives: weeks are reported, not read as minutes', () => {
    const got = convertField('Downtime (weeks)', '2');
    assert.equal(got.impact, undefined);
    assert.match(got.flags[0], /not read into impact\.downtime_minutes \(counted in weeks/);
  });

  it('a value read by a guess is written and said as a warning, so the conversion is not "complete"', () => {
    const bare = convertField('Downtime', '90');
    assert.deepEqual(bare.impact, { downtime_minutes: 90 });
    assert.deepEqual(bare.flags, ['convert/guessed-impact warning: impact.downtime_minutes: 90, read from "Downtime: 90" by a guess (no unit written: read as minutes); check it']);
    assert.equal(bare.complete, false);
    const comma = convertField('Minutes downtime or degradation', '1,5 h');
    assert.deepEqual(comma.impact, { downtime_minutes: 90 });
    assert.match(comma.flags[0], /read from "Minutes downtime or degradation: 1,5 h" by a guess \(read 1,5 as 1\.5: a decimal comma\)/);
  });

  it('the original\'s front matter keeps its impact: the downtime goes beside its other keys, never over its own', () => {
    const beside = convertField('Minutes downtime or degradation', '47', '---\nimpact:\n  users_affected: 40\n---\n');
    assert.deepEqual(beside.impact, { users_affected: 40, downtime_minutes: 47 });
    const own = convertField('Minutes downtime or degradation', '47', '---\nimpact:\n  downtime_minutes: 50\n---\n');
    assert.deepEqual(own.impact, { downtime_minutes: 50 });
    assert.deepEqual(own.notes, ['"Minutes downtime or degradation: 47" is kept in the Summary as written: the impact is taken from the original\'s front matter (check they agree)']);
  });
});
