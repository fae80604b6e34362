import assert from 'node:assert/strict';
import { parsePostmortem } from '../../../src/core/document/parse';
import { lintText } from '../../../src/core/lint/engine';
import { readSummary } from '../../../src/core/index';
import { computeMetrics } from '../../../src/core/metrics';
import { readTimezoneValue } from '../../../src/core/time/timezoneValue';
import { readWrittenZone } from '../../../src/core/time/writtenZone';
import { readZoneName } from '../../../src/core/time/zoneName';
import { documentZone } from '../../../src/core/import/exportZone';
import { AMBIGUOUS_ABBREVIATIONS } from '../../../src/core/time/zoneMarker';
import { offsetFor, ZONE_ABBREVIATIONS } from '../../../src/core/time/zones';

const NOW = new Date('2026-11-27T12:00:00Z');

/** A post-mortem whose front matter says `timezone: <zone>`, with two zone-less entries (late October, and January). */
function withZone(zone: string): string {
  return [
    '---', 'type: postmortem', 'title: Zone', 'status: draft', `timezone: ${zone}`, 'started_at: 2026-10-25T00:00:00Z', '---', '# Zone', '',
    '## Timeline', '', '- 2026-10-25 01:30 [detected] first', '- 02:10 second', '',
  ].join('\n');
}

function findings(zone: string, writerZone = 'Asia/Kolkata') {
  return lintText(withZone(zone), { now: NOW, writerZone }).diagnostics.filter((d) => /^(schema\/zone|timeline\/(unparseable|not-utc|utc-or-local))$/.test(d.code));
}

describe('the front matter\'s timezone is read or refused, never ignored (trial F22)', () => {
  it('reports an unknown zone with the nearest IANA name as a fix, and reads no zone-less time as UTC', () => {
    const found = findings('Europe/Berln');
    const zone = found.find((d) => d.code === 'schema/zone')!;
    assert.equal(zone.severity, 'error');
    assert.match(zone.message, /found "Europe\/Berln": unknown time zone.*did you mean Europe\/Berlin\?/);
    assert.equal(zone.fixes?.[0].edits[0].newText, 'Europe/Berlin');
    const unread = found.filter((d) => d.code === 'timeline/unparseable');
    assert.equal(unread.length, 1, 'said once, not per entry');
    assert.match(unread[0].message, /Expected a known `timezone`.*"Europe\/Berln" \(and 1 more entry without a zone not read\)/);
    const doc = parsePostmortem(withZone('Europe/Berln'));
    assert.deepEqual(doc.timeline.map((e) => e.instant), [undefined, undefined], 'no guessed UTC instant');
  });

  it('applies a fixed offset ("+05:30", UTC+2) and converts from it', () => {
    for (const [zone, utc] of [['"+05:30"', '2026-10-24 20:00Z'], ['UTC+2', '2026-10-24 23:30Z']]) {
      const notUtc = findings(zone).filter((d) => d.code === 'timeline/not-utc');
      assert.equal(notUtc.length, 1, zone);
      assert.match(notUtc[0].message, new RegExp(`like ${utc} for 2026-10-25 01:30`), zone);
      assert.equal(findings(zone).filter((d) => d.code === 'schema/zone').length, 0, zone);
    }
  });

  it('applies an abbreviation as its fixed offset, says so, and notes a date in the other season', () => {
    const found = findings('CEST');
    assert.match(found.find((d) => d.code === 'schema/zone')!.message, /`timezone: CEST` is read as UTC\+2 on every date.*Europe\/Berlin/);
    const jan = lintText(withZone('CEST').replace('- 02:10 second', '- 2027-01-10 09:00 in winter'), { now: NOW }).diagnostics.find((d) => d.code === 'timeline/not-utc')!;
    assert.match(jan.message, /CEST on 2027-01-10, when CET \(UTC\+1\) was in force in Europe\/Berlin: read as UTC\+2 as written; check/);
  });

  it('says an abbreviation with several meanings (IST) as a warning naming them, with a fix per meaning and none applied unseen; Import Timeline agrees (it asks)', () => {
    const zone = findings('IST').find((d) => d.code === 'schema/zone')!;
    assert.equal(zone.severity, 'warning');
    assert.equal(zone.message, '`timezone: IST` has several meanings (India Standard Time (UTC+5:30), Irish Standard Time (UTC+1), Israel Standard Time (UTC+2)): it is read as the first on every date, and Import Timeline asks which is meant; write the IANA zone meant, like Asia/Kolkata, Europe/Dublin or Asia/Jerusalem');
    assert.deepEqual(zone.fixes?.map((f) => [f.edits[0].newText, f.isPreferred]), [['Asia/Kolkata', undefined], ['Europe/Dublin', undefined], ['Asia/Jerusalem', undefined]]);
    assert.equal(documentZone({ timezone: 'IST' }).zone, undefined);
    // "read as the first": every ambiguous abbreviation lint reads is read at its first meaning's offset.
    for (const [abbr, readings] of Object.entries(AMBIGUOUS_ABBREVIATIONS)) {
      if (abbr in ZONE_ABBREVIATIONS) assert.equal(offsetFor(readings[0].zone, { year: 2026, month: 1, day: 1, hour: 0, minute: 0, second: 0 }), ZONE_ABBREVIATIONS[abbr], abbr);
    }
    // A one-meaning abbreviation and an offset: lint reads them, and so does the import, at the same offset.
    assert.equal(documentZone({ timezone: 'CEST' }).zone, '+02:00');
    assert.equal(findings('CEST').find((d) => d.code === 'schema/zone')!.severity, 'info');
    assert.equal(documentZone({ timezone: '+05:30' }).zone, '+05:30');
  });

  it('the summary, metrics and lists say the times were not read', () => {
    const text = withZone('Europe/Berln').replace('started_at: 2026-10-25T00:00:00Z', 'started_at: 2026-10-25 01:00');
    const summary = readSummary(text);
    assert.equal(summary.milestones.started, undefined);
    assert.ok(summary.problems.some((p) => /Unknown time zone "Europe\/Berln".*not read \(did you mean Europe\/Berlin\?\)/.test(p)));
    const m = computeMetrics([{ uri: 'a.md', text }], { now: NOW.toISOString() });
    assert.ok(m.problems.some((p) => /Unknown time zone/.test(p.message)));
  });

  it('classifies zone names in one place', () => {
    assert.deepEqual(readZoneName('Europe/Berlin'), { kind: 'iana', zone: 'Europe/Berlin' });
    assert.deepEqual(readZoneName('+05:30'), { kind: 'offset', zone: '+05:30', minutes: 330 });
    // The offset read once, as the stamps read it: `timezone:` and `--zone` write it the one way.
    assert.deepEqual(readZoneName('UTC-3'), { kind: 'offset', zone: 'UTC-3', minutes: -180 });
    assert.deepEqual(readTimezoneValue('GMT+5:30'), { kind: 'offset', zone: '+05:30', written: 'GMT+5:30' });
    assert.deepEqual(readWrittenZone('UTC-0330', 'reading', '--zone'), { zone: '-03:30' });
    assert.deepEqual(readZoneName('GMT+25'), { kind: 'unknown', written: 'GMT+25' });
    assert.equal(readZoneName('PST').kind, 'abbreviation');
    assert.equal(readZoneName('Amerca/New_Yrok').kind, 'unknown');
    assert.deepEqual(readZoneName('Asia/Kolkatta'), { kind: 'unknown', written: 'Asia/Kolkatta', suggestion: 'Asia/Kolkata' });
  });
});
