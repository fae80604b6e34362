import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/lint/engine';
import { computeMetrics, renderMetricsMarkdown, renderMetricsText } from '../../../src/core/metrics';
import { formatDays, formatMinutes, formatMinutesShort } from '../../../src/core/metrics/render/format';
import { formatDuration, formatDurationShort } from '../../../src/core/time/duration';

describe('one duration wording (lint, CLI reports, dashboard)', () => {
  it('says durations in whole minutes under an hour, hours and minutes under a day', () => {
    assert.equal(formatDuration(0), '0 minutes');
    assert.equal(formatDuration(0.4), 'under a minute');
    assert.equal(formatDuration(1), '1 minute');
    assert.equal(formatDuration(45), '45 minutes');
    assert.equal(formatDuration(59.9), '59 minutes', 'never "60 minutes"');
    assert.equal(formatDuration(60), '1 hour');
    assert.equal(formatDuration(100.5), '1 hour 40 minutes', 'no "100.5 min"');
    assert.equal(formatDuration(62.1), '1 hour 2 minutes');
    assert.equal(formatDuration(174), '2 hours 54 minutes');
    assert.equal(formatDuration(23 * 60 + 59.9), '23 hours 59 minutes');
  });

  it('says days and hours under ten days, whole days beyond', () => {
    assert.equal(formatDuration(1440), '1 day');
    assert.equal(formatDuration(1440 + 60), '1 day 1 hour');
    assert.equal(formatDuration(4 * 1440 + 20 * 60 + 50), '4 days 20 hours', 'cut, not rounded: true until 21 hours');
    assert.equal(formatDuration(10 * 1440 - 1), '9 days 23 hours');
    assert.equal(formatDuration(10 * 1440), '10 days');
    assert.equal(formatDuration(1845 * 60), '76 days', 'the trial\'s "1845 h" / "76.9 d"');
  });

  it('writes "–" for a statistic without a value', () => {
    assert.equal(formatMinutes(null), '–');
    assert.equal(formatMinutes(130), '2 hours 10 minutes');
  });

  it('names an overdue review\'s lateness the same in the lint message, the text report and the Markdown report', () => {
    const text = '---\nid: PM-9\ntitle: Search slow\nstatus: in-review\nresolved_at: 2026-09-09T15:30:00Z\n---\n\n# Search slow\n';
    const now = '2026-11-27T12:00:00Z';
    const lint = lintText(text, { now: new Date(now) }).diagnostics.find((d) => d.code === 'review/overdue');
    assert.ok(lint, 'the lint rule reports it');
    const words = /it is (.+) overdue/.exec(lint.message)![1];
    assert.equal(words, '76 days');
    const m = computeMetrics([{ uri: 'pm-9.md', text }], { now });
    assert.match(renderMetricsText(m), new RegExp(`PM-9 "Search slow" resolved 2026-09-09T15:30:00Z, ${words} past the deadline`));
    assert.match(renderMetricsMarkdown(m), new RegExp(`\\| PM-9 \\| Search slow \\| 2026-09-09T15:30:00Z \\| in-review \\| ${words} \\|`));
  });

  it('prints no fractional minutes and no mixed units in the text tables', () => {
    const doc = (id: string, start: string, minutes: number) => ({
      uri: `${id}.md`,
      text: `---\nid: ${id}\nstarted_at: ${start}\ndetected_at: ${start}\nresolved_at: ${new Date(Date.parse(start) + minutes * 60_000).toISOString()}\n---\n`,
    });
    // Medians of two incidents fall on half minutes (100.5) — printed in whole minutes.
    const m = computeMetrics([doc('A', '2026-02-01T10:00:00Z', 97), doc('B', '2026-02-03T10:00:00Z', 104), doc('C', '2026-03-01T10:00:00Z', 126)], { now: '2026-06-30T00:00:00Z' });
    const text = renderMetricsText(m);
    assert.match(text, /2026-02 +2 +2 +1 hour 41 minutes/, 'median 100.5 rounds to 101, never cut to 100');
    assert.match(text, /2026-03 +1 +1 +2 hours 6 minutes/);
    assert.doesNotMatch(text, /\d\.\d+ (min|h|d)\b/);
  });

  it('has a short form with the same precision for narrow tables (the long form goes in a tooltip)', () => {
    const cases: [number, string, string][] = [
      [0, '0 m', '0 minutes'],
      [0.5, '< 1 m', 'under a minute'],
      [45, '45 m', '45 minutes'],
      [100.5, '1 h 40 m', '1 hour 40 minutes'],
      [120, '2 h', '2 hours'],
      [1440 * 4 + 20 * 60 + 59, '4 d 20 h', '4 days 20 hours'],
      [1440 * 2, '2 d', '2 days'],
      [1440 * 76 + 600, '76 d', '76 days'],
    ];
    for (const [minutes, short, long] of cases) {
      assert.equal(formatDurationShort(minutes), short, `${minutes} min`);
      assert.equal(formatDuration(minutes), long, `${minutes} min`);
    }
  });

  it('rounds a statistic to the shown precision instead of cutting it (trial T12)', () => {
    const cases: [number, string, string][] = [
      [83.8, '1 hour 24 minutes', '1 h 24 m'], // p90 of [28, 90]
      [8.5, '9 minutes', '9 m'],
      [8.4, '8 minutes', '8 m'],
      [59.6, '1 hour', '1 h'],
      [0.4, 'under a minute', '< 1 m'],
      [23 * 60 + 59.6, '1 day', '1 d'],
      [1440 + 29.6, '1 day', '1 d'],
      [1440 + 30, '1 day 1 hour', '1 d 1 h'],
      [4 * 1440 + 20 * 60 + 50, '4 days 21 hours', '4 d 21 h'],
      [10 * 1440 - 20, '10 days', '10 d'],
      [1440 * 76 + 720, '77 days', '77 d'],
    ];
    for (const [minutes, long, short] of cases) {
      assert.equal(formatMinutes(minutes), long, `${minutes} min`);
      assert.equal(formatMinutesShort(minutes), short, `${minutes} min`);
    }
    // Time past a deadline stays cut, as lint says it.
    assert.equal(formatDuration(4 * 1440 + 20 * 60 + 50), '4 days 20 hours');
  });

  it('gives days their unit', () => {
    assert.equal(formatDays(24.8), '24.8 days');
    assert.equal(formatDays(1), '1 day');
    assert.equal(formatDays(null), '–');
  });
});
