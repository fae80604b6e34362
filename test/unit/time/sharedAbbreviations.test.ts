import { strict as assert } from 'node:assert';
import { lintText } from '../../../src/core/lint/engine';
import { fixAll } from '../../../src/core/fix/fixAll';
import { AMBIGUOUS_ABBREVIATIONS } from '../../../src/core/time/zoneMarker';
import { isValidTimeZone, zoneOffsetMinutes } from '../../../src/core/time/zones';
import { convertPostmortem } from '../../../src/core/import/convert';

/**
 * Letters two regions write for different clocks, where the time-zone data knows only one: `SST` is
 * American Samoa's to tzdata and Singapore's to Singaporeans, `WST` Perth's (tzdata until 2014) and
 * Samoa's, `ECT` Ecuador's and the Eastern Caribbean's. Read in the one tzdata has, a Singapore
 * review's `15:00 SST` was 19 hours off, and `lint --fix` wrote it so.
 */
const doc = (zone: string, entry: string) => `---
type: postmortem
title: Cache outage
status: draft
severity: SEV2
started_at: 2026-06-10T01:00:00Z
timezone: ${zone}
---

# Cache outage

## Summary

The cache was flushed.

## Timeline

- ${entry} Cache flushed
`;

const NOW = new Date('2026-06-20T00:00:00Z');

describe('abbreviations two regions write for different clocks', () => {
  it('each reading\'s offset is one a region\'s clock showed in the last 30 years', () => {
    const instants: number[] = [];
    for (let year = 1996; year <= 2026; year++) for (const month of [0, 6]) instants.push(Date.UTC(year, month, 15));
    const wrong: string[] = [];
    for (const [abbreviation, readings] of Object.entries(AMBIGUOUS_ABBREVIATIONS)) {
      for (const r of readings) {
        const m = /^([+-])(\d\d):(\d\d)$/.exec(r.zone);
        if (!m) continue;
        const offset = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
        if (!r.regions.some((z) => instants.some((t) => zoneOffsetMinutes(z, t) === offset))) wrong.push(`${abbreviation} ${r.label} ${r.regions.join(' ')}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  for (const [written, other] of [['SST', 'Singapore Standard Time'], ['WST', 'West Samoa Time'], ['ECT', 'Eastern Caribbean Time']] as const) {
    it(`${written} under timezone: UTC is reported with its meanings, and --fix does not pick one`, () => {
      const text = doc('UTC', `15:00 ${written}`);
      const { diagnostics } = lintText(text, { now: NOW });
      const said = diagnostics.find((d) => d.message.includes(`"${written}"`));
      assert.ok(said, `expected ${written} to be reported, got ${diagnostics.map((d) => d.code).join(', ')}`);
      assert.match(said.message, new RegExp(other));
      assert.equal(fixAll(text, { now: NOW }).text.includes(`15:00 ${written}`), true, 'the entry is left as written');
    });
  }

  it('the document\'s zone chooses: SST in a Singapore review is UTC+8, in a Pago Pago one UTC−11', () => {
    const singapore = lintText(doc('Asia/Singapore', '15:00 SST'), { now: NOW });
    assert.equal(singapore.doc.timeline[0]!.instant, Date.UTC(2026, 5, 10, 7, 0));
    // started_at 01:00Z is the 9th, 14:00 in Pago Pago: 15:00 SST that day is 02:00Z on the 10th.
    const samoa = lintText(doc('Pacific/Pago_Pago', '15:00 SST'), { now: NOW });
    assert.equal(samoa.doc.timeline[0]!.instant, Date.UTC(2026, 5, 10, 2, 0));
  });

  // ICU accepts Java's three-letter IDs as zones: ECT is Europe/Paris, SST Pacific/Guadalcanal, AST
  // America/Anchorage, MIT Pacific/Apia. Read so, `timezone: ECT` and "all times SST" were hours off
  // without a word.
  it('Java\'s three-letter IDs are not zones: timezone: ECT is reported, not read as Paris', () => {
    for (const id of ['ECT', 'SST', 'AST', 'MIT', 'ect']) assert.equal(isValidTimeZone(id), false, id);
    for (const real of ['EST', 'MST', 'HST', 'UTC', 'Europe/Paris', 'Pacific/Guadalcanal']) assert.equal(isValidTimeZone(real), true, real);
    const { diagnostics } = lintText(doc('ECT', '15:00'), { now: NOW });
    assert.ok(diagnostics.some((d) => d.code === 'schema/zone' && d.message.includes('"ECT"')), diagnostics.map((d) => d.message).join('\n'));
  });

  it('timezone: ECT names its meanings and offers the zone of each, instead of a bare "unknown time zone"', () => {
    const d = lintText(doc('ECT', '15:00'), { now: NOW }).diagnostics.find((x) => x.code === 'schema/zone')!;
    assert.match(d.message, /several meanings \(Ecuador Time \(UTC−5\); Eastern Caribbean Time \(UTC−4\)\), so times written without a zone are not read; write the IANA zone meant, like America\/Guayaquil or America\/Port_of_Spain$/);
    assert.equal(d.severity, 'error');
    assert.deepEqual(d.fixes!.map((f) => f.edits[0]!.newText), ['America/Guayaquil', 'America/Port_of_Spain']);
    assert.ok(d.fixes!.every((f) => f.isPreferred !== true), 'which one is meant is the writer\'s call');
  });

  it('convert does not read "all times SST" as Pacific/Guadalcanal\'s clock', () => {
    const source = '# Payment gateway timeouts\n\nDate: 10 June 2026\n\n## Timeline (all times SST)\n\n- 14:30 Alerts fired\n- 15:10 Rolled back\n';
    const out = convertPostmortem(source, { fileName: 'gateway.md' });
    // Guadalcanal (UTC+11) would give 03:30Z; Singapore 06:30Z, Samoa 01:30Z the next day.
    assert.equal(out.text.includes('03:30Z'), false, out.text);
    assert.ok(out.diagnostics.some((d) => /no-zone|ambiguous-zone/.test(d.code) && d.severity === 'warning'), out.diagnostics.map((d) => d.code).join(', '));
  });
});

