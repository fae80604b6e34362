/**
 * Trial 17c F6–F10, F18: how convert dates real post-mortems. Each case is the shape a corpus file
 * has (jupyterhub's day headings, PostHog's `**Date:** January 14-19, 2026` and "Between November 11
 * and November 15, 2025", a title dated months before a dated timeline, a review of several
 * incidents, "Incident resolved." inside an entry), reduced to what the finding is about.
 */
import assert from 'node:assert/strict';
import { convertPostmortem } from '../../../src/core/import/convert';
import { formatConvertReport } from '../../../src/core/import/convert/report';
import { lintText } from '../../../src/core/lint/engine';

const md = (...lines: string[]) => `${lines.join('\n')}\n`;
const fm = (text: string, key: string) => new RegExp(`^${key}: (\\S+)`, 'm').exec(text)?.[1];
const codes = (r: ReturnType<typeof convertPostmortem>) => r.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code);

describe('convert: dating real post-mortems (trial 17c)', () => {
  describe('F6: events under a date heading without a time of day', () => {
    const text = md('# 2018-01-17, Emergency bump', '', '## Summary', '', 'Builds failed.', '', '## Timeline', '', 'All times in PST', '',
      '### 2018-01-15', '', 'General Travis failures happening due to Travis downtime', '',
      '### 2018-01-16', '', 'JupyterHub travis failures were dismissed as a holdover', '',
      '### 2018-01-17 17:14', '', '- Other travis failures point to the issue being real', '',
      '### 18:57', '', 'Bump to artful, merged and deployed.');

    it('reports each such heading as not read, and the conversion as incomplete', () => {
      const r = convertPostmortem(text);
      assert.equal(r.report.entries, 2);
      assert.deepEqual(r.report.unread.map((u) => [u.line + 1, u.text]), [[11, '### 2018-01-15'], [15, '### 2018-01-16']]);
      assert.equal(r.report.complete, false);
      assert.deepEqual(codes(r), ['convert/unread-entry', 'convert/unread-entry']);
      assert.ok(r.text.includes('General Travis failures happening due to Travis downtime'), 'the events stay as written');
      assert.doesNotMatch(formatConvertReport('x.md', r).join('\n'), /complete: everything timeline-like was read/);
    });

    it('does not report a date heading over timed entries, or over a note that tells no event', () => {
      const r = convertPostmortem(md('# Outage', '', '## Timeline', '', '### 2024-05-02', '', '- 14:05 UTC Alerts fire', '- 14:20 Rolled back', '',
        '### 2024-05-03', '', '(all times UTC)'));
      assert.equal(r.report.entries, 2);
      assert.deepEqual(r.report.unread, []);
      assert.equal(r.report.complete, true);
    });
  });

  describe('F7: a Date field that is a span of days', () => {
    const body = (date: string) => md('# Post-Mortem: Changes to the fetch() wrapper', '', date, '', '## Summary', '', 'A customer reported a broken site.', '',
      '## Timeline', '', 'All times in UTC', '', '| Time | Event |', '| --- | --- |', '| Jan 14, 10:18 AM | Release 1.323.0 ships |', '| Jan 19, 4:02 PM | Rollback deployed |');

    it('reads "January 14-19, 2026" as its first day, stated in the text', () => {
      const r = convertPostmortem(body('**Date:** January 14-19, 2026'), { fileName: 'incident.md' });
      assert.equal(r.report.entries, 2);
      assert.deepEqual(r.report.date, { value: '2026-01-14', source: 'a Date field', stated: true });
      assert.equal(fm(r.text, 'started_at'), '2026-01-14T10:18:00Z');
      assert.equal(r.report.complete, true);
    });

    it('reads the other ways a span is written', () => {
      for (const [written, day] of [['Jan 14 - Jan 19, 2026', '2026-01-14'], ['14–19 January 2026', '2026-01-14'], ['Dec 30 - Jan 2, 2026', '2025-12-30'], ['November 11 to November 15, 2025', '2025-11-11']]) {
        const r = convertPostmortem(md('# Outage', '', `Date: ${written}`, '', '## Summary', '', 'It broke.'));
        assert.equal(r.report.date?.value, day, written);
      }
    });

    it('names the file name when the date came from it, and says the entries took their year from it', () => {
      const r = convertPostmortem(body(''), { fileName: '2026-01-17-replay-sdk.md' });
      assert.equal(fm(r.text, 'started_at'), '2026-01-14T10:18:00Z');
      assert.equal(r.report.date?.source, 'the file name');
      assert.equal(r.report.date?.stated, false);
      const inferred = r.diagnostics.find((d) => d.code === 'convert/date-inferred');
      assert.match(inferred?.message ?? '', /"Jan 14, 10:18 AM" has no year; the year 2026 was taken from the file name/);
      const report = formatConvertReport('x.md', r).join('\n');
      assert.doesNotMatch(report, /from the title|no date was guessed/);
    });
  });

  describe('F8: the incident date the report gives is the day of started_at', () => {
    it('takes the start of "Between November 11 and November 15, 2025", the day started_at is on', () => {
      const r = convertPostmortem(md('# Persons DB migration', '', '## Summary', '', 'Between November 11 and November 15, 2025, ingestion lagged.', '',
        '## Timeline', '', '- 2025-11-11 16:02 UTC Migration starts', '- 2025-11-14 15:02 UTC Ingestion healthy'));
      assert.equal(fm(r.text, 'started_at'), '2025-11-11T16:02:00Z');
      assert.equal(r.report.date?.value, '2025-11-11');
      assert.equal(r.report.date?.startedOn, undefined);
    });

    it('says it when the two still differ, in the report and as a warning', () => {
      const r = convertPostmortem(md('# Release outage', '', '## Summary', '', 'On February 27, 2018 the beta was broken.', '',
        '## Timeline', '', '- 2018-02-26 11:40 UTC Beta built', '- 2018-02-27 09:00 UTC Users report crashes'));
      assert.equal(fm(r.text, 'started_at'), '2018-02-26T11:40:00Z');
      assert.equal(r.report.date?.value, '2018-02-27');
      assert.equal(r.report.date?.startedOn, '2018-02-26');
      assert.ok(codes(r).includes('convert/date-disagrees'));
      assert.match(formatConvertReport('x.md', r).join('\n'), /incident date 2018-02-27, from the text; but started_at is on 2018-02-26/);
    });
  });

  describe('F9: a title date months before a timeline that dates its own entries', () => {
    const text = md('# 2022-01-27, pod limit reached', '', '## Summary', '', 'Pods could not start for nine hours.', '', '## Timeline', '', 'All times in UTC', '',
      '### 2022-06-02 10:00 - Problem starts', '', 'No new pods launch.', '', '### 21:00 - Team alerted', '', 'A user reports it.');

    it('sets started_at from the timeline when the file name agrees with it, says the title disagrees, and the report does not call the date unstated', () => {
      const r = convertPostmortem(text, { fileName: '2022-06-02-pod-limit.md' });
      assert.equal(fm(r.text, 'started_at'), '2022-06-02T10:00:00Z');
      assert.deepEqual(r.report.date, { value: '2022-06-02', source: 'the dated timeline entries (the title gives 2022-01-27)', stated: true });
      assert.ok(codes(r).includes('convert/date-disagrees'));
      assert.ok(!codes(r).includes('convert/start-unclear'));
      assert.match(r.text, /^Conversion: started_at \(2022-06-02T10:00:00Z\) was taken from the timeline entry on line 11 of the original.*the date in the title \(2022-01-27\) is far from it/m);
      assert.doesNotMatch(formatConvertReport('x.md', r).join('\n'), /not stated in the text/);
    });

    it('without a second witness (a year typo may be either\'s) withholds started_at, and the file and the report say what contradicts the title', () => {
      const r = convertPostmortem(text, { fileName: 'pod-limit.md' });
      assert.equal(fm(r.text, 'started_at'), undefined);
      assert.ok(codes(r).includes('convert/start-unclear'));
      assert.match(r.text, /^Conversion: started_at was not written: the earliest timeline entry \(2022-06-02T10:00:00Z, line 11 of the original\) is far from the date in the title \(2022-01-27\)/m);
      const report = formatConvertReport('x.md', r).join('\n');
      assert.match(report, /incident date 2022-01-27, from the title \(the timeline's entries write their own date, 2022-06-02: check which is right\)/);
      assert.doesNotMatch(report, /not stated in the text/);
      // The converted file carries the doubt where lint reads it: a warning until someone writes started_at.
      const doubts = lintText(r.text, { now: new Date('2026-11-27T12:00:00Z') }).diagnostics.filter((d) => d.code === 'time/convert-doubt');
      assert.equal(doubts.length, 1);
      assert.equal(doubts[0].severity, 'warning');
      assert.match(doubts[0].message, /started_at was not written: the earliest timeline entry \(2022-06-02T10:00:00Z, line 11 of the original\) is far from the date in the title \(2022-01-27\)/);
    });

    it('still withholds started_at when the title\'s day is in the timeline too, and the converted file says so', () => {
      const r = convertPostmortem(md('# 2018-01-11, SSL certificate outdated', '', '## Timeline', '', 'All times in UTC', '',
        '### 2018-01-11', '', 'The certificate renewal job fails silently overnight', '', '### 2018-01-19 11:00', '', 'Users report certificate errors.'));
      assert.equal(fm(r.text, 'started_at'), undefined);
      assert.ok(codes(r).includes('convert/start-unclear'));
      assert.match(r.text, /^Conversion: started_at was not written: the earliest timeline entry \(2018-01-19T11:00:00Z.*postmortem list shows this incident with no date/m);
    });
  });

  describe('F10: a review of several incidents', () => {
    const text = md('# Flags service - multiple outages', '', 'Between October 21 and October 29, 2025, the flags service had two separate incidents.', '',
      '## Incident Timeline', '', '### October 21, 2025 - Redis overload', '', '**Duration:** 21:45 to 23:28 UTC (103 minutes)', '',
      '- **21:45 UTC** - Deploy timeout handling change', '- **23:28 UTC** - Service fully recovered', '',
      '### October 29-30, 2025 - CPU-bound latency', '', '**Duration:** 22:30 UTC on October 29 to 05:39 UTC on October 30 (7 hours 9 minutes)', '',
      '- **22:30 UTC (Oct 29)** - Latency detected', '- **05:39 UTC (Oct 30)** - Incident resolved, query timings returned to normal');

    it('writes no resolved_at spanning the incidents, and the file says why; lint and metrics see no 8-day incident', () => {
      const r = convertPostmortem(text, { defaultZone: 'UTC' });
      assert.equal(fm(r.text, 'started_at'), '2025-10-21T21:45:00Z');
      assert.equal(fm(r.text, 'resolved_at'), undefined);
      assert.ok(codes(r).includes('convert/several-incidents'));
      assert.match(r.text, /^Conversion: the original may describe several incidents .*so resolved_at \(2025-10-30T05:39:00Z\) was not written/m);
      assert.ok(!r.notes.some((n) => n.sets === 'resolved_at'), 'no note says resolved_at was set');
      const lint = lintText(r.text, { now: new Date('2026-11-27T12:00:00Z') }).diagnostics;
      assert.ok(!lint.some((d) => d.code === 'time/order'));
      assert.match(lint.find((d) => d.code === 'time/convert-doubt')?.message ?? '', /several incidents: resolved_at \(2025-10-30T05:39:00Z\) was not written/);
    });
  });

  describe('F18: a milestone said inside an entry', () => {
    it('reads "…, incident resolved" and "Incident resolved." as resolved_at, a guess said in a note', () => {
      const r = convertPostmortem(md('# Build outage', '', '## Timeline', '', '- 2026-12-05 18:00 UTC Queue stalls', '- 2026-12-05 19:48 UTC Queue drained, incident resolved'));
      assert.equal(fm(r.text, 'resolved_at'), '2026-12-05T19:48:00Z');
      assert.match(r.notes.find((n) => n.sets === 'resolved_at')?.message ?? '', /read from the words "incident resolved" in this entry \(a guess/);
      assert.match(r.text, /^- 2026-12-05 19:48Z \[resolved\] Queue drained, incident resolved$/m);
      const under = convertPostmortem(md('# Upgrade', '', '## Timeline', '', '### 2019-03-24 08:54 UTC', '', 'Upgrade deployed.', '', '### 2019-03-25 06:01 UTC', '', 'The build completed, repository was unbanned again.', 'Incident resolved.'));
      assert.equal(fm(under.text, 'resolved_at'), '2019-03-25T06:01:00Z');
    });

    it('reads "Service is restored" as mitigated_at, not "appears to be restored" nor "until the incident was resolved"', () => {
      const r = convertPostmortem(md('# Proxy OOM', '', '## Timeline', '', '### 2017-12-01 00:22 UTC', '', 'Proxy pod is OOM killed.', '',
        '### 01:20 UTC', '', 'Service appears to be restored. We wait until the incident was resolved.', '', '### 01:21 UTC', '', 'Service is restored, user pods start running again.'));
      assert.equal(fm(r.text, 'mitigated_at'), '2017-12-01T01:21:00Z');
      assert.equal(fm(r.text, 'resolved_at'), undefined);
      assert.match(r.notes.find((n) => n.sets === 'mitigated_at')?.message ?? '', /"Service is restored" in this entry \(a guess/);
    });
  });
});
