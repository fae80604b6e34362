/**
 * Trial 13b F14: a review of several incidents ("four separate incidents", a "Duration:" under each)
 * was converted as one incident of 8 days 8 hours, the report saying "complete … no date was
 * guessed", and bold times (`**22:30 UTC (Oct 29)** - …`) left `**` in the entries.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import convert from '../../../src/cli/commands/convert';
import { convertPostmortem } from '../../../src/core/import/convert';

/** Two incidents of one review, each with its heading, its duration and its timeline, as PostHog writes them. */
const REVIEW = [
  '# Flags service - multiple outages (October 2025)', '',
  'Between October 21 and October 29, 2025, the flags service had two separate incidents.', '',
  '## Incident Timeline', '',
  '### October 21, 2025 - Redis overload', '',
  '**Duration:** 21:45 to 23:28 UTC (103 minutes)', '',
  '**Timeline:**', '',
  '- **21:45 UTC** - Deploy timeout handling change',
  '- **22:30 UTC** - Redis memory exhausted',
  '- **23:28 UTC** - Service fully recovered', '',
  '### October 29-30, 2025 - CPU-bound latency', '',
  '**Duration:** 22:30 UTC on October 29 to 05:39 UTC on October 30 (7 hours 9 minutes)', '',
  '**Timeline:**', '',
  '- **22:30 UTC (Oct 29)** - Incident reported, latency detected',
  '- **00:03 UTC (Oct 30)** - Rolled back hardware changes',
  '- **05:39 UTC** - Incident resolved, query timings returned to normal', '',
].join('\n');

const flagged = (text: string) => convertPostmortem(text, { defaultZone: 'UTC' }).diagnostics.filter((d) => d.code === 'convert/several-incidents');

describe('convert: a review of several incidents is not written as one long incident silently (trial 13b F14)', () => {
  it('says the span, the durations the original states and the quiet days; the report is not "complete"', () => {
    const r = convertPostmortem(REVIEW, { defaultZone: 'UTC' });
    assert.match(r.text, /^started_at: 2025-10-21T21:45:00Z$/m);
    // The last incident's end is not written as this one's (trial17c F10): the file says why.
    assert.doesNotMatch(r.text, /^resolved_at:/m);
    assert.match(r.text, /^Conversion: the original may describe several incidents .* so resolved_at \(2025-10-30T05:39:00Z\) was not written/m);
    const [warning, ...more] = r.diagnostics.filter((d) => d.code === 'convert/several-incidents');
    assert.equal(more.length, 0);
    assert.equal(warning.severity, 'warning');
    assert.equal(warning.range.start.line, 8);
    assert.equal(warning.message, 'started_at (2025-10-21T21:45:00Z) to resolved_at (2025-10-30T05:39:00Z) is 8d 7h 54m, but the original states 2 durations ("Duration: 21:45 to 23:28 UTC (103 minutes)" on line 9, "Duration: 22:30 UTC on October 29 to 05:39 UTC on October 30 (7 hours 9 minutes)" on line 19) and the timeline has a gap of a day or more without an entry (7d 23h 2m, from line 15 to line 23): it may describe several incidents; resolved_at (2025-10-30T05:39:00Z) was not written, so list and metrics do not take the span as one incident\'s duration; check started_at and resolved_at, or convert each incident on its own');
    assert.equal(r.report.complete, false);
  });

  it('bold times leave no `**` in the entries: after a date in brackets, or around a whole entry', () => {
    const r = convertPostmortem(REVIEW, { defaultZone: 'UTC' });
    assert.match(r.text, /^- 2025-10-29 22:30Z Incident reported, latency detected$/m);
    assert.match(r.text, /^- 2025-10-30 00:03Z Rolled back hardware changes$/m);
    assert.match(r.text, /^- 2025-10-21 21:45Z Deploy timeout handling change$/m);
    const forms = convertPostmortem(['# Incident: bold times', '', '**Date:** 2025-10-29', '', '## Timeline (all times UTC)', '',
      '- **10:07 - whole entry bold**', '- ***10:19*** bold italic', '- **10:21 UTC** **own bold** kept', '- _10:23 UTC (Oct 29)_ - italic with a date', ''].join('\n'), { defaultZone: 'UTC' });
    assert.match(forms.text, /^- 2025-10-29 10:07Z whole entry bold$/m);
    assert.match(forms.text, /^- 2025-10-29 10:19Z bold italic$/m);
    assert.match(forms.text, /^- 2025-10-29 10:21Z \*\*own bold\*\* kept$/m, 'bold the text opens and closes itself is the text\'s');
    assert.match(forms.text, /^- 2025-10-29 10:23Z italic with a date$/m);
    assert.equal(forms.report.complete, true);
  });

  it('a single long incident is not doubted: one duration, or start and end stated by the original', () => {
    // One incident over three days, its own fields giving start and end, a quiet weekend in its timeline.
    const long = ['# Incident on 2023-08-04 - Dropped logs', '', '- **Key events**', '  - First detected: 2023-08-04 09:14', '  - Resolved 2023-08-10 14:47', '',
      '- **Time to resolve**: 35h 33m', '', '### Timeline', '', '- 2023-08-04 09:14: Users report missing logs', '- 2023-08-07 10:30: Team regrouped', '- 2023-08-10 14:47: Incident resolved', ''].join('\n');
    assert.deepEqual(flagged(long), []);
    // The first incident alone: under a day.
    assert.deepEqual(flagged(REVIEW.split('### October 29-30')[0]), []);
  });

  it('with no durations stated, a derived span over quiet days is said too', () => {
    const text = REVIEW.replace(/\*\*Duration:\*\*[^\n]*\n/g, '');
    const [warning] = flagged(text);
    assert.match(warning.message, /is 8d 7h 54m, but the timeline has a gap of a day or more without an entry \(7d 23h 2m, from line 14 to line 21\): it may describe several incidents/);
  });

  it('the CLI exits 1 and prints the warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-several-'));
    try {
      writeFileSync(join(dir, 'review.md'), REVIEW);
      let out = '';
      let err = '';
      const code = await convert(['review.md'], { out: (t) => (out += t), err: (t) => (err += t), cwd: dir, now: () => new Date('2026-11-27T12:00:00Z') });
      assert.equal(code, 1);
      assert.match(err, /review\.md:9:1 {2}warning {2}started_at \(2025-10-21T21:45:00Z\) to resolved_at \(2025-10-30T05:39:00Z\) is 8d 7h 54m, but the original states 2 durations .* convert\/several-incidents/);
      assert.doesNotMatch(out + err, /complete: everything timeline-like was read/);
      assert.doesNotMatch(readFileSync(join(dir, 'review.postmortem.md'), 'utf8'), /^- \d{4}-\d{2}-\d{2} \d{2}:\d{2}Z \*\*/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
