import { strict as assert } from 'node:assert';
import { parsePostmortem } from '../../../src/core/document/parse';
import { applyEdits } from '../../../src/core/fix/applyEdits';
import { fixAll } from '../../../src/core/fix/fixAll';
import { lintText } from '../../../src/core/lint/engine';
import { TIME_RULES } from '../../../src/core/rules/timeRules';
import { formatIsoUtc } from '../../../src/core/time/zones';

const options = { rules: TIME_RULES, now: new Date('2026-12-07T00:30:00Z') };

function doc(zone: string, timeline: string): string {
  return `---\ntype: postmortem\ntitle: T\ntimezone: ${zone}\n---\n# T\n\n## Timeline\n${timeline}`;
}

function found(text: string, code: string) {
  return lintText(text, options).diagnostics.filter((d) => d.code === code);
}

function instants(text: string): (string | undefined)[] {
  return parsePostmortem(text).timeline.map((e) => (e.instant !== undefined ? formatIsoUtc(e.instant) : e.problem));
}

/** Trial 11 T11, the trial's timeline: local times as lived, one alert pasted in UTC (line 11). */
const LA = doc('America/Los_Angeles', '- 2026-12-05 21:40 [started] evictions begin\n- 2026-12-06 05:52Z (alert) [detected] PagerDuty alert, pasted in UTC\n- 22:15 (deploy) rolled back\n- 23:48 [mitigated] 5xx back under 0.5%\n');
/** The positive-offset side: 09:30 in Adelaide after 22:45Z (09:15 there), 15 minutes later. */
const ADELAIDE = doc('Australia/Adelaide', '- 2026-12-07 09:00 [started] local morning\n- 2026-12-06 22:45Z (alert) [detected] pasted UTC\n- 09:30 (chat) local\n');

describe('timeline: a dateless time after an entry written in another zone (trial 11 T11)', () => {
  it('the trial\'s Los Angeles timeline: 22:15 is on the 5th there, 23 minutes after the alert, not a day later', () => {
    assert.deepEqual(instants(LA), ['2026-12-06T05:40:00Z', '2026-12-06T05:52:00Z', '2026-12-06T06:15:00Z', '2026-12-06T07:48:00Z']);
  });

  it('says the reading on the entry, as information, with a fix that writes the date as read', () => {
    const [d, ...more] = found(LA, 'timeline/carried-date');
    assert.equal(more.length, 0, 'once, not on 23:48 (it follows a local entry)');
    assert.equal(d.range.start.line, 10);
    assert.equal(d.severity, 'info');
    assert.equal(d.message, 'Expected a date on a time after an entry written in another zone: read on 2026-12-05, the day of the entry above in America/Los_Angeles (2026-12-06 05:52Z on line 10, 21:52 there), 23 minutes after it; the date written there would put it on 2026-12-06, 1 day after it; write the date to confirm, or correct the time');
    assert.deepEqual(found(LA, 'timeline/next-day'), [], 'no midnight was crossed');
    const [fix] = d.fixes!;
    assert.equal(fix.title, 'Write the date: 2026-12-05 22:15 (the day of the entry above in America/Los_Angeles (2026-12-06 05:52Z on line 10, 21:52 there), as read)');
    assert.equal(fix.isPreferred, true);
    const fixed = applyEdits(LA, fix.edits).text;
    assert.match(fixed, /\n- 2026-12-05 22:15 \(deploy\) rolled back\n/);
    assert.deepEqual(instants(fixed), instants(LA), 'the date written reads as before');
    assert.deepEqual(found(fixed, 'timeline/carried-date'), [], 'a written date is no longer a reading');
  });

  it('Fix All converts to the instants read and says what it assumed', () => {
    const [heading] = found(LA, 'timeline/not-utc');
    assert.equal(heading.fixes![0].title, 'Convert 3 entries from America/Los_Angeles to UTC (assuming 22:15 on line 11 is on 2026-12-05, the day of the entry above in America/Los_Angeles (2026-12-06 05:52Z on line 10, 21:52 there))');
    assert.equal(heading.fixes![0].isPreferred, true);
    const result = fixAll(LA, options);
    assert.match(result.text, /\n- 2026-12-06 05:40Z \[started\] evictions begin\n- 2026-12-06 05:52Z \(alert\) \[detected\] PagerDuty alert, pasted in UTC\n- 06:15Z \(deploy\) rolled back\n- 07:48Z \[mitigated\] 5xx back under 0\.5%\n/);
    assert.match(result.text, /\nmitigated_at: 2026-12-06T07:48:00Z\n/, 'not 2026-12-07T07:48:00Z, a day late');
    assert.deepEqual(instants(result.text).slice(-4), instants(LA));
    assert.deepEqual(result.notes?.filter((n) => n.startsWith('timeline/not-utc')), ['timeline/not-utc: converted assuming 22:15 on line 11 is on 2026-12-05, the day of the entry above in America/Los_Angeles (2026-12-06 05:52Z on line 10, 21:52 there), not 2026-12-06, which the date written there gives; if a time is a typo, correct it', "timeline/not-utc: read 3 timeline times without a zone as America/Los_Angeles, the front matter's timezone (2026-12-05 21:40 on line 9 → 2026-12-06 05:40Z)"]);
  });

  it('the Adelaide side: 09:30 is 15 minutes after the alert, on the same day there, and no next-day note contradicts it', () => {
    assert.deepEqual(instants(ADELAIDE), ['2026-12-06T22:30:00Z', '2026-12-06T22:45:00Z', '2026-12-06T23:00:00Z']);
    assert.deepEqual(found(ADELAIDE, 'timeline/next-day'), [], 'before: "read as the next day … 15 minutes later" and "past midnight"');
    assert.deepEqual(found(ADELAIDE, 'timeline/carried-date'), [], 'the written date gave the same day here (after the 12-hour rule)');
    const result = fixAll(ADELAIDE, options);
    assert.deepEqual(instants(result.text), instants(ADELAIDE));
    // No date assumed; the one note is the zone the zone-less times were read in (trial18c F11).
    assert.deepEqual(result.notes, ["timeline/not-utc: read 2 timeline times without a zone as Australia/Adelaide, the front matter's timezone (2026-12-07 09:00 on line 9 → 2026-12-06 22:30Z)"], 'nothing assumed but the zone');
  });

  it('a real midnight crossing after a UTC entry is said in the reader\'s clock, with no contradiction', () => {
    // 07:50Z is 23:50 in Los Angeles: 00:10 there is the next day, 20 minutes later.
    const text = doc('America/Los_Angeles', '- 2026-12-05 23:30 a\n- 2026-12-06 07:50Z b\n- 00:10 c\n');
    assert.deepEqual(instants(text), ['2026-12-06T07:30:00Z', '2026-12-06T07:50:00Z', '2026-12-06T08:10:00Z']);
    const [d] = found(text, 'timeline/next-day');
    assert.equal(d.message, 'Expected a date on a time of day earlier than the entry above\'s: read as the next day, 2026-12-06 (00:10 after 2026-12-06 07:50Z on line 10, 23:50 in America/Los_Angeles, 20 minutes later); write the date to confirm, or correct the time');
    assert.deepEqual(found(text, 'timeline/carried-date'), [], 'the written date gives the same day');
  });

  it('a reading that puts the time before the entry above is a warning, and Fix All writes nothing on it', () => {
    // 10:00 in Los Angeles after 05:52Z (21:52 the day before there): on the 5th it is 11 h 52 m before
    // the alert; the written date (the 6th) puts it 12 h 8 m after. Either may be meant.
    const text = doc('America/Los_Angeles', '- 2026-12-05 21:40 a\n- 2026-12-06 05:52Z b\n- 10:00 c\n');
    assert.deepEqual(instants(text), ['2026-12-06T05:40:00Z', '2026-12-06T05:52:00Z', '2026-12-05T18:00:00Z']);
    const [d] = found(text, 'timeline/carried-date');
    assert.equal(d.severity, 'warning');
    assert.match(d.message, /read on 2026-12-05, .*, 11 hours 52 minutes before it; the date written there would put it on 2026-12-06, 12 hours 8 minutes after it; read so, it comes before the entry above: check which day it is;/);
    assert.notEqual(d.fixes![0].isPreferred, true);
    const [heading] = found(text, 'timeline/not-utc');
    assert.match(heading.message, /; not converted by Fix All while the day of a time after an entry written in another zone is in doubt \(timeline\/carried-date\)$/);
    assert.notEqual(heading.fixes![0].isPreferred, true);
    assert.equal(fixAll(text, options).text, text, 'nothing written on a guess');
  });

  it('a converted time whose day came down from a reading in doubt is not converted unattended either', () => {
    // 22:40 UTC after 22:30 in Los Angeles (06:30Z): the 6th in UTC, 16 h later, or the 5th, 7 h 50 m before.
    // 22:50 EST carries that day; converting it would write the doubtful day down as fact.
    const text = doc('America/Los_Angeles', '- 2026-12-05 22:30 a\n- 22:40 UTC b\n- 22:50 EST c\n');
    assert.equal(found(text, 'timeline/carried-date')[0].severity, 'warning');
    const est = found(text, 'timeline/not-utc').find((d) => d.range.start.line === 10)!;
    assert.match(est.fixes![0].title, /^Convert from (?:EST|-05:00) to UTC: 2026-12-07 03:50Z \(assuming 22:40 UTC on line 10 is on 2026-12-06, .*; check it, the gap before it is 16 hours 10 minutes: not applied by Fix All\)$/);
    assert.notEqual(est.fixes![0].isPreferred, true);
    // Converting 22:30 (the entry above 22:40 UTC) would rewrite the date written there, the other
    // reading's only trace: held back too, so the doubt cannot vanish without a word.
    assert.equal(fixAll(text, options).text, text, 'no day written on a guess');
  });

  it('an all-local timeline crossing midnight reads as before: one next-day info, no carried-date', () => {
    const text = doc('America/Los_Angeles', '- 2026-12-05 23:30 a\n- 23:50 b\n- 00:10 c\n- 00:40 d\n');
    assert.deepEqual(instants(text), ['2026-12-06T07:30:00Z', '2026-12-06T07:50:00Z', '2026-12-06T08:10:00Z', '2026-12-06T08:40:00Z']);
    const next = found(text, 'timeline/next-day');
    assert.equal(next.length, 1);
    assert.equal(next[0].message, 'Expected a date on a time of day earlier than the entry above\'s: read as the next day, 2026-12-06 (00:10 after 23:50 on line 10, 20 minutes later); write the date to confirm, or correct the time');
    assert.deepEqual(found(text, 'timeline/carried-date'), []);
  });

  it('an all-UTC timeline reads as before, whatever the document\'s zone', () => {
    for (const zone of ['America/Los_Angeles', 'Australia/Adelaide', 'UTC']) {
      const text = doc(zone, '- 2026-12-05 23:30Z a\n- 23:50Z b\n- 00:10Z c\n- 2026-12-06 05:52Z d\n- 06:15Z e\n');
      assert.deepEqual(instants(text), ['2026-12-05T23:30:00Z', '2026-12-05T23:50:00Z', '2026-12-06T00:10:00Z', '2026-12-06T05:52:00Z', '2026-12-06T06:15:00Z'], zone);
      assert.deepEqual(found(text, 'timeline/carried-date'), [], zone);
    }
  });

  it('Fix All writes the UTC date on a time after entries the DST change repeats, so the next lint has nothing to ask of it (trial 13a F27)', () => {
    // Adelaide, 2026-04-05: clocks back from 03:00 to 02:00; the 02:xx entries are left for the writer.
    const text = doc('Australia/Adelaide', '- 2026-04-05 02:15 (alert) [started] lag alert\n- 02:40 (chat) acknowledged\n- 02:30 (alert) [detected] primary unreachable\n- 03:10 [mitigated] traffic moved\n- 09:00 [resolved] rebuilt\n');
    const before = instants(text);
    assert.deepEqual(before.slice(-2), ['2026-04-04T17:40:00Z', '2026-04-04T23:30:00Z']);
    const result = fixAll(text, options);
    // Not a bare `17:40Z`: read after a local entry, its day would be carried from 2026-04-05.
    assert.match(result.text, /\n- 2026-04-04 17:40Z \[mitigated\] traffic moved\n- 23:30Z \[resolved\] rebuilt\n/, 'after a UTC entry, its date comes down as written');
    assert.match(result.text, /\n- 2026-04-05 02:15 \(alert\) \[started\] lag alert\n- 02:40 \(chat\)/, 'the repeated local times stay as written');
    assert.deepEqual(instants(result.text).slice(-2), before.slice(-2));
    assert.deepEqual(found(result.text, 'timeline/carried-date'), []);
    assert.deepEqual(found(result.text, 'timeline/not-utc'), []);
  });
});

