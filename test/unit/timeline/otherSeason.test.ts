import { strict as assert } from 'node:assert';
import { parsePostmortem } from '../../../src/core/document/parse';
import { applyEdits } from '../../../src/core/fix/applyEdits';
import { fixAll } from '../../../src/core/fix/fixAll';
import { lintText } from '../../../src/core/lint/engine';
import { TIME_RULES } from '../../../src/core/rules/timeRules';
import type { Diagnostic } from '../../../src/core/types';

/**
 * Trial 14b F4: a Londoner's `23:30 BST` in December was converted with UTC+1, stated as fact,
 * though London was on GMT (the writer almost surely meant the clock on the wall, 23:30Z); `10:00
 * GMT` in July passed without a word; `01:40` on the night the clocks go back named both readings
 * but offered no fix. Each now says what the clocks showed and offers every reading, none chosen.
 */
const options = { rules: TIME_RULES, now: new Date('2027-02-01T12:00:00Z') };
const doc = (zone: string, body: string) => `---\ntype: postmortem\ntitle: T\ntimezone: ${zone}\n---\n# T\n\n## Timeline\n\n${body}`;
const found = (text: string, code: string) => lintText(text, options).diagnostics.filter((d) => d.code === code);
const instants = (text: string) => parsePostmortem(text).timeline.map((e) => (e.instant === undefined ? undefined : new Date(e.instant).toISOString().slice(0, 16)));
const applied = (text: string, d: Diagnostic, i: number) => applyEdits(text, d.fixes![i].edits).text;
const choices = (d: Diagnostic) => d.fixes!.map((f) => [f.title, f.isPreferred]);

describe('an abbreviation naming the other season of the document\'s own zone (trial 14b F4)', () => {
  it('BST on a December date in a London review: says GMT was in force, offers both readings, Fix All picks neither', () => {
    const text = doc('Europe/London', '- 2026-12-06 23:30 BST (chat) Follow-up call\n- 2026-12-07 09:00Z Next morning\n');
    const [d, ...more] = found(text, 'timeline/not-utc');
    assert.equal(more.length, 0);
    assert.equal(d.severity, 'warning');
    assert.equal(d.message, 'Expected a UTC time, found 2026-12-06 23:30 BST; BST was not in force on 2026-12-06 in Europe/London; clocks there showed GMT (UTC+0): as written (UTC+1) it is 2026-12-06 22:30Z, by the clock then in force 2026-12-06 23:30Z; convert the one meant');
    assert.deepEqual(choices(d), [
      ['Convert to 2026-12-06 22:30Z — BST as written, UTC+1', false],
      ['Convert to 2026-12-06 23:30Z — Europe/London\'s clock then, GMT (UTC+0)', false],
    ]);
    assert.deepEqual(instants(applied(text, d, 0)), ['2026-12-06T22:30', '2026-12-07T09:00']);
    assert.deepEqual(instants(applied(text, d, 1)), ['2026-12-06T23:30', '2026-12-07T09:00']);
    const fixed = fixAll(text, options);
    assert.equal(fixed.text, text, 'lint --fix leaves the choice to the writer');
    assert.ok(fixed.remaining.some((r) => r.code === 'timeline/not-utc'), 'and it is still said');
  });

  it('EST in a New York July, CET in a Berlin July, AEST in a Sydney January: the same, with the clock then in force', () => {
    const cases: [string, string, RegExp, string][] = [
      ['America/New_York', '2026-07-10 09:00 EST', /EST was not in force on 2026-07-10 in America\/New_York; clocks there showed EDT \(UTC−4\): as written \(UTC−5\) it is 2026-07-10 14:00Z/, '2026-07-10 13:00Z'],
      ['Europe/Berlin', '2026-07-10 09:00 CET', /CET was not in force on 2026-07-10 in Europe\/Berlin; clocks there showed CEST \(UTC\+2\): as written \(UTC\+1\) it is 2026-07-10 08:00Z/, '2026-07-10 07:00Z'],
      ['Australia/Sydney', '2027-01-10 09:00 AEST', /AEST was not in force on 2027-01-10 in Australia\/Sydney; clocks there showed AEDT \(UTC\+11\): as written \(UTC\+10\) it is 2027-01-09 23:00Z/, '2027-01-09 22:00Z'],
    ];
    for (const [zone, stamp, message, clock] of cases) {
      const [d] = found(doc(zone, `- ${stamp} s\n`), 'timeline/not-utc');
      assert.match(d.message, message, zone);
      assert.equal(d.fixes!.length, 2, zone);
      assert.ok(d.fixes!.every((f) => !f.isPreferred), zone);
      assert.match(d.fixes![1].title, new RegExp(`^Convert to ${clock} — ${zone.replace('/', '\\/')}'s clock then`), zone);
    }
  });

  it('in season, or where the clocks keep the name all year, converts as before (one fix, applied by Fix All)', () => {
    const text = doc('Europe/London', '- 2026-07-10 09:00 BST s\n');
    const [d] = found(text, 'timeline/not-utc');
    assert.equal(d.message, 'Expected a UTC time, like 2026-07-10 08:00Z, found 2026-07-10 09:00 BST');
    assert.deepEqual(choices(d), [['Convert from +01:00 to UTC: 2026-07-10 08:00Z', true]]);
    assert.match(fixAll(text, options).text, /- 2026-07-10 08:00Z s/);
  });

  it('a range keeps its end in both readings', () => {
    const text = doc('Europe/London', '- 2026-12-06 23:30-23:50 BST s\n');
    const [d] = found(text, 'timeline/not-utc');
    assert.deepEqual(d.fixes!.map((f) => f.edits[0].newText), ['2026-12-06 22:30Z-22:50Z', '2026-12-06 23:30Z-23:50Z']);
  });
});

describe('timeline/gmt-in-summer: GMT written while the document\'s own zone was on summer time', () => {
  it('10:00 GMT in a London July: read as UTC, said as a note with the clock\'s reading, two fixes, none chosen', () => {
    const text = doc('Europe/London', '- 2026-07-01 10:00 GMT (chat) Summer note\n');
    assert.deepEqual(instants(text), ['2026-07-01T10:00'], 'GMT is read as UTC, as before');
    const [d, ...more] = found(text, 'timeline/gmt-in-summer');
    assert.equal(more.length, 0);
    assert.equal(d.severity, 'info');
    assert.equal(d.message, 'Expected Z or the zone of the clock meant, found 2026-07-01 10:00 GMT: GMT is read as UTC (2026-07-01 10:00Z), but on 2026-07-01 clocks in Europe/London showed BST (UTC+1); if their time was meant, it is 2026-07-01 09:00Z');
    assert.deepEqual(choices(d), [
      ['Convert to 2026-07-01 10:00Z — GMT as UTC, as read', false],
      ['Convert to 2026-07-01 09:00Z — Europe/London\'s clock then, BST (UTC+1)', false],
    ]);
    assert.deepEqual(found(applied(text, d, 0), 'timeline/gmt-in-summer'), [], 'writing Z settles it');
    assert.deepEqual(instants(applied(text, d, 1)), ['2026-07-01T09:00']);
    assert.equal(fixAll(text, options).text, text);
  });

  it('says nothing for GMT in a London winter, in a UTC or Tokyo review, or for GMT+1 and UTC in a London July', () => {
    assert.deepEqual(found(doc('Europe/London', '- 2026-12-01 10:00 GMT s\n'), 'timeline/gmt-in-summer'), []);
    assert.deepEqual(found(doc('UTC', '- 2026-07-01 10:00 GMT s\n'), 'timeline/gmt-in-summer'), []);
    assert.deepEqual(found(doc('Asia/Tokyo', '- 2026-07-01 10:00 GMT s\n'), 'timeline/gmt-in-summer'), []);
    assert.deepEqual(found(doc('Europe/London', '- 2026-07-01 10:00 GMT+1 s\n- 2026-07-01 10:05 UTC s\n'), 'timeline/gmt-in-summer'), []);
  });

  it('Dublin\'s summer too (clocks on UTC+1)', () => {
    const [d] = found(doc('Europe/Dublin', '- 2026-07-01 10:00 GMT s\n'), 'timeline/gmt-in-summer');
    assert.match(d.message, /clocks in Europe\/Dublin showed UTC\+1; if their time was meant, it is 2026-07-01 09:00Z$/);
  });
});

describe('timeline/ambiguous-time: a fix per reading of a time the clocks repeat', () => {
  const night = (entry: string) => doc('Europe/London', `- 2026-10-25 00:30Z [started] s\n${entry}\n- 2026-10-25 03:00Z [resolved] s\n`);

  it('01:40 on the night London goes back: "00:40Z — BST (UTC+1), the first 01:40" and the second, neither preferred', () => {
    const text = night('- 01:40 [detected] (alert) Login errors');
    const [d] = found(text, 'timeline/ambiguous-time');
    assert.deepEqual(choices(d), [
      ['Convert to 00:40Z — BST (UTC+1), the first 01:40', false],
      ['Convert to 01:40Z — GMT (UTC+0), the second 01:40', false],
    ]);
    assert.deepEqual(instants(applied(text, d, 0)), ['2026-10-25T00:30', '2026-10-25T00:40', '2026-10-25T03:00']);
    assert.deepEqual(instants(applied(text, d, 1)), ['2026-10-25T00:30', '2026-10-25T01:40', '2026-10-25T03:00']);
    assert.deepEqual(found(applied(text, d, 1), 'timeline/ambiguous-time'), []);
    const fixed = fixAll(text, options).text;
    assert.match(fixed, /\n- 01:40 \[detected\] \(alert\) Login errors\n/, 'Fix All converts neither');
    assert.doesNotMatch(fixed, /detected_at/, 'nor takes a reading for detected_at');
  });

  it('a range in the repeated hour keeps its end on the same clock; a skipped time gets no fix', () => {
    const [d] = found(night('- 2026-10-25 01:40-01:50 s'), 'timeline/ambiguous-time');
    assert.deepEqual(d.fixes!.map((f) => f.edits[0].newText), ['2026-10-25 00:40Z-00:50Z', '2026-10-25 01:40Z-01:50Z']);
    const [gap] = found(doc('Europe/London', '- 2026-03-29 01:30 s\n'), 'timeline/ambiguous-time');
    assert.match(gap.message, /does not exist/);
    assert.equal(gap.fixes, undefined);
  });

  it('names the offsets where the table has no names for the zone (Europe/Paris)', () => {
    const [d] = found(doc('Europe/Paris', '- 2026-10-25 02:30 s\n'), 'timeline/ambiguous-time');
    assert.deepEqual(d.fixes!.map((f) => f.title), ['Convert to 2026-10-25 00:30Z — UTC+2, the first 02:30', 'Convert to 2026-10-25 01:30Z — UTC+1, the second 02:30']);
  });
});
