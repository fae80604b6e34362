import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import convert from '../../../src/cli/commands/convert';
import { parsePostmortem } from '../../../src/core/document/parse';
import { convertPostmortem } from '../../../src/core/import/convert';

/**
 * Trial T7: a start convert derives from the timeline on another day than the original's Date field
 * was written without a word (Flutter's wiki post-mortems: "Date/time: 2023-08-26 21:14 PDT" above a
 * timeline whose <START OF OUTAGE> is on 2023-08-25).
 */
const wiki = (dateLine: string, day: string, time: string) => [
  '# Flutter postmortem: flutter.dev outage',
  '',
  'Status: final<br> Owners: @someone',
  '',
  '## Summary',
  '',
  `Description: flutter.dev was offline for most users.<br> Component: web site<br> ${dateLine}<br> Duration: 15 hours`,
  '',
  '## Timeline (all times in PST/PDT)',
  '',
  `### ${day}`,
  '',
  `${time} - DNS configuration changes take effect. **<START OF OUTAGE>**<br> 23:54 - The on-call is paged.`,
  '',
].join('\n');

const offDate = (text: string) => convertPostmortem(text).diagnostics.filter((d) => d.code === 'convert/start-off-date');

describe('convert: a derived start on another day than the original\'s Date field (trial T7)', () => {
  it('says so, naming the field\'s date, the start written and its local day, and where the start came from', () => {
    const text = wiki('Date/time: 2023-08-26 21:14 PDT', '2023-08-25', '21:14');
    const result = convertPostmortem(text);
    assert.equal(parsePostmortem(result.text).meta.started_at, '2023-08-26T04:14:00Z', 'the start is written as the timeline gives it');
    const [warning, ...more] = offDate(text);
    assert.equal(more.length, 0);
    assert.equal(warning.severity, 'warning');
    assert.equal(warning.range.start.line, 6, 'on the Date/time line of the original');
    assert.equal(warning.message, 'The original\'s "Date/time" field says 2023-08-26 21:14 PDT, but started_at was written as 2023-08-26T04:14:00Z (2023-08-25 in America/Los_Angeles), the day before: taken from the timeline entry the original marks as the start (line 13), not from the "Date/time" field — check which is the incident\'s start (the field may be when the post-mortem was written, or the timeline may open with what led up to the incident)');
    assert.equal(result.report.complete, false);
  });

  it('counts the days when they are months apart (a Date field written when the post-mortem was)', () => {
    const [warning] = offDate(wiki('Date/time: 2024-05-28', '2023-11-27', '00:00'));
    assert.match(warning.message, /says 2024-05-28, but started_at was written as 2023-11-27T08:00:00Z \(2023-11-27 in America\/Los_Angeles\), 183 days before:/);
  });

  it('compares days where the times were written: 16:27 Pacific on the Date field\'s day is 00:27Z the next day, and agrees', () => {
    const text = wiki('Date/time: 2016-11-07 21:30', '2016-11-07', '16:27');
    assert.equal(parsePostmortem(convertPostmortem(text).text).meta.started_at, '2016-11-08T00:27:00Z');
    assert.deepEqual(offDate(text), []);
  });

  it('reads the days as written when no zone is stated (times read as UTC)', () => {
    const noZone = (text: string) => text.replace(' (all times in PST/PDT)', '');
    assert.deepEqual(offDate(noZone(wiki('Date: 2023-08-25', '2023-08-25', '23:50'))), []);
    assert.match(offDate(noZone(wiki('Date: 2023-08-27', '2023-08-25', '23:50')))[0].message, /\(2023-08-25, read as UTC\), 2 days before:/);
  });

  it('takes a start inside a span of days the field gives, and says one outside it', () => {
    assert.deepEqual(offDate(wiki('Date: 2023-11-27 – 2024-05-28', '2024-01-10', '09:00')), []);
    assert.match(offDate(wiki('Date: 2023-11-27 – 2024-05-28', '2023-11-20', '09:00'))[0].message, /says 2023-11-27 – 2024-05-28, .* 7 days before:/);
    assert.match(offDate(wiki('Date: 2023-11-27 to 2023-11-29', '2023-12-01', '09:00'))[0].message, /says 2023-11-27 to 2023-11-29, .* 2 days after: .*\(a date in the field or in the timeline may be mistyped\)$/);
  });

  it('says nothing about a field that is clearly not the incident\'s date (the post-mortem\'s own, a due date), nor takes it as the incident date', () => {
    for (const label of ['Postmortem date', 'Review date', 'Last updated date', 'Published date', 'Due date']) {
      const text = wiki(`${label}: 2024-05-28`, '2023-11-27', '00:00');
      assert.deepEqual(offDate(text), [], label);
      assert.notEqual(convertPostmortem(text).report.date?.value, '2024-05-28', label);
    }
    // "Incident date" is the incident's, whatever comes before it.
    assert.equal(offDate(wiki('Report incident date: 2024-05-28', '2023-11-27', '00:00')).length, 1);
  });

  it('leaves a stated start alone: only a start the converter derived is compared', () => {
    const text = wiki('Date: 2024-05-28', '2023-11-27', '00:00').replace('Status: final', '**Started:** 2023-11-27 00:00 PST\n\nStatus: final');
    assert.equal(parsePostmortem(convertPostmortem(text).text).meta.started_at, '2023-11-27T08:00:00Z');
    assert.deepEqual(offDate(text), []);
  });

  it('makes the CLI exit 1 with the warning at the Date/time line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-offdate-'));
    try {
      writeFileSync(join(dir, 'outage.md'), wiki('Date/time: 2023-08-26 21:14 PDT', '2023-08-25', '21:14'));
      let err = '';
      const code = await convert(['outage.md', '--stdout'], { out: () => undefined, err: (t) => (err += t), cwd: dir, now: () => new Date('2026-11-27T12:00:00Z') });
      assert.equal(code, 1);
      assert.match(err, /outage\.md:7:1 {2}warning {2}The original's "Date\/time" field says 2023-08-26 21:14 PDT, but started_at was written as 2023-08-26T04:14:00Z .*convert\/start-off-date/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * Trial 11 T4: icco's India grid blackout gives `start_time: 2012-07-30T02:33:00Z` in its front
 * matter while its text says "30 July 2012, 02:33 IST" (21:03Z the day before); convert wrote the
 * front matter's value and said nothing of the 5 h 30 m between them.
 */
const blackout = (startTime: string, textStart: string) => [
  '---',
  'title: India NEW grid blackouts',
  `start_time: ${startTime}`,
  'end_time: 2012-07-31T16:00:00Z',
  '---',
  '',
  'On July 30 and 31, 2012, the synchronously-connected NEW grid in India collapsed on two consecutive days.',
  '',
  `**${textStart}.** The 400 kV Bina–Gwalior-1 line tripped on the depleted west-to-north corridor.`,
  '',
].join('\n');

const offTime = (text: string) => convertPostmortem(text, { defaultZone: 'UTC' }).diagnostics.filter((d) => d.code === 'convert/start-off-date');

describe('convert: a stated start the text gives at another time (trial 11 T4)', () => {
  it('says both values, 5h 30m apart, and which was written, when start_time is the text\'s IST clock written as UTC', () => {
    const text = blackout('2012-07-30T02:33:00Z', '30 July 2012, 02:33 IST');
    const result = convertPostmortem(text, { defaultZone: 'UTC' });
    assert.equal(parsePostmortem(result.text).meta.started_at, '2012-07-30T02:33:00Z', 'the stated start is written as stated');
    const [warning, ...more] = offTime(text);
    assert.equal(more.length, 0);
    assert.equal(warning.severity, 'warning');
    assert.equal(warning.range.start.line, 2, 'on the start_time line of the original');
    assert.equal(warning.message, 'The original\'s start_time says 2012-07-30T02:33:00Z, but the text (line 9) gives "30 July 2012, 02:33 IST" (2012-07-29T21:03:00Z), 5h 30m earlier: started_at was written as 2012-07-30T02:33:00Z, from the original\'s start_time, not from the text — check which is the incident\'s start (the same clock time in two zones: one of them may be a local time written as UTC)');
    assert.equal(result.report.complete, false);
    // The zone the times were read in is the one written, not UTC.
    assert.equal(parsePostmortem(result.text).meta.timezone, '+05:30');
  });

  it('says nothing when the two are the same instant (start_time in UTC, the text in IST)', () => {
    assert.deepEqual(offTime(blackout('2012-07-29T21:03:00Z', '30 July 2012, 02:33 IST')), []);
    // Later moments in the text are no start: only the stated start's clock is looked for.
    assert.deepEqual(offTime(blackout('2012-07-29T21:03:00Z', '31 July 2012, 13:00 IST')), []);
  });

  it('compares a start field with the entry the original marks as the start, minute by minute', () => {
    const doc = (start: string) => ['# Queue outage', '', `**Start:** 2024-03-01 ${start}`, '', '## Timeline (all times UTC)', '', '- 2024-03-01 09:50 - Deploy of v42 begins', '- 2024-03-01 10:20 - Error rate climbs <START OF OUTAGE>', '- 2024-03-01 10:45 - Rolled back', ''].join('\n');
    assert.deepEqual(offTime(doc('10:20')), []);
    assert.deepEqual(offTime(doc('10:20:40')), [], 'less than a minute apart');
    const [warning] = offTime(doc('10:00'));
    assert.equal(warning.range.start.line, 2);
    assert.equal(warning.message, 'The original\'s "Start" field says 2024-03-01 10:00 (2024-03-01T10:00:00Z), but the timeline entry the original marks as the start (line 8) gives 2024-03-01 10:20 UTC (2024-03-01T10:20:00Z), 20m later: started_at was written as 2024-03-01T10:00:00Z, from the original\'s "Start" field, not from the text — check which is the incident\'s start (one of them may be mistyped, or name another moment, such as when the incident was noticed)');
  });

  it('compares another tool\'s start_time with the opening sentence that states the start', () => {
    const doc = (startTime: string) => ['---', 'title: Registry outage', `start_time: ${startTime}`, '---', '', 'On June 8, 2021, the registry was unavailable beginning at 09:47 UTC for most users.', ''].join('\n');
    assert.deepEqual(offTime(doc('2021-06-08T09:47:00Z')), []);
    assert.match(offTime(doc('2021-06-08T08:47:00Z'))[0].message, /^The original's start_time says 2021-06-08T08:47:00Z, but the sentence that states the start \(line 6\) gives "beginning at 09:47 UTC" \(2021-06-08T09:47:00Z\), 1h later:/);
  });

  it('does not take other times of the text for the start (an impact window after a "Fault occurs" field)', () => {
    const text = ['# Incident on 2020-02-18', '', '- **Key events**', '  - Fault occurs 2020-02-18 14:13', '  - Resolved 2020-02-18 14:59', '',
      '- **Impact**:', '  - Between 2020-02-18 14:22 and 2020-02-18 14:26, prometheus could not receive metrics.', ''].join('\n');
    assert.deepEqual(offTime(text), []);
  });

  it('makes the CLI exit 1 with the warning at the start_time line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-offtime-'));
    try {
      writeFileSync(join(dir, 'grid.md'), blackout('2012-07-30T02:33:00Z', '30 July 2012, 02:33 IST'));
      let err = '';
      const code = await convert(['grid.md', '--stdout'], { out: () => undefined, err: (t) => (err += t), cwd: dir, now: () => new Date('2026-11-27T12:00:00Z') });
      assert.equal(code, 1);
      assert.match(err, /grid\.md:3:1 {2}warning {2}The original's start_time says 2012-07-30T02:33:00Z, but the text \(line 9\) gives "30 July 2012, 02:33 IST" \(2012-07-29T21:03:00Z\), 5h 30m earlier.*convert\/start-off-date/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
