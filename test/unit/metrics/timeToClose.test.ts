import assert from 'node:assert/strict';
import { computeMetrics, renderMetricsMarkdown, renderMetricsText } from '../../../src/core/metrics';

/** Trial 10's two post-mortems: one resolved at 20:45Z (02:15 on the 6th in Kolkata), one without resolved_at. */
const RESOLVED = {
  uri: 'payments.md',
  text: `---\nid: PM-PAY\ntitle: Payments API 502s\nstarted_at: 2026-12-05T18:10:00Z\ndetected_at: 2026-12-05T18:22:00Z\nresolved_at: 2026-12-05T20:45:00Z\n---\n\n## Action items\n\n` +
    '- [x] Add canary for config pushes @ana done:2026-12-07\n- [ ] Alert on 502 rate @raj due:2026-12-20\n',
};
const UNRESOLVED = {
  uri: 'login.md',
  text: `---\nid: PM-OTP\ntitle: Login OTP delayed\nstarted_at: 2026-12-06T09:00:00Z\n---\n\n## Action items\n\n` +
    '- [x] Raise SMS quota @ana done:2026-12-07\n- [x] Page the vendor @raj\n- [ ] Second SMS provider @raj due:2027-01-10\n',
};
// Noon UTC on the 7th: done:2026-12-07 has come in UTC, Kolkata and Berlin alike (a later done: date is left out: trial13a F10).
const NOW = '2026-12-07T12:00:00Z';

describe('time to close action items (trial T2)', () => {
  it('reads resolved_at as a date on the writer\'s calendar, as done: is written: 1 day in Kolkata, 2 in UTC', () => {
    const kolkata = computeMetrics([RESOLVED], { now: NOW, writerZone: 'Asia/Kolkata' });
    assert.equal(kolkata.actions.daysToClose.median, 1);
    assert.equal(kolkata.actions.closeCalendar, 'Asia/Kolkata');
    assert.match(renderMetricsText(kolkata), /time to close: median 1 day, p90 1 day over 1 done item \(from the resolved_at date to the done: date, both on the Asia\/Kolkata calendar\)/);
    const utc = computeMetrics([RESOLVED], { now: NOW });
    assert.equal(utc.actions.daysToClose.median, 2);
    assert.match(renderMetricsText(utc), /both on the UTC calendar/);
  });

  it('accounts for every done item: counted, without a done: date, or left out for want of resolved_at (named)', () => {
    const m = computeMetrics([RESOLVED, UNRESOLVED], { now: NOW, writerZone: 'Asia/Kolkata' });
    const a = m.actions;
    assert.equal(a.done, 3);
    assert.equal(a.daysToClose.count + a.doneWithoutDate + a.doneWithoutResolved.items, a.done);
    assert.deepEqual(a.doneWithoutResolved, { items: 1, incidents: ['PM-OTP'] });
    const line = renderMetricsText(m).split('\n').find((l) => l.startsWith('Action items:'))!;
    assert.equal(line, 'Action items: 3 of 5 done (60%), 2 open, 0 overdue; time to close: median 1 day, p90 1 day over 1 done item ' +
      '(from the resolved_at date to the done: date, both on the Asia/Kolkata calendar); 1 done without a done: date; ' +
      '1 with a done: date left out: its post-mortem has no resolved_at (PM-OTP)');
    assert.match(renderMetricsMarkdown(m), /Time to close: median 1 day, p90 1 day over 1 done item .*1 with a done: date left out: its post-mortem has no resolved\\?_at \(PM-OTP\)\./);
  });

  // trial13b F7: a team's own `Done (2026-12-03)` in a Status cell was done without a date: "none counted".
  it('reads the closing date in a table\'s Status cell, as Mark done writes it and teams write it', () => {
    const table = {
      uri: 'table.md',
      text: `---\nid: PM-TAB\ntitle: Login outage\nstarted_at: 2026-12-02T08:00:00Z\nresolved_at: 2026-12-02T09:00:00Z\n---\n\n## Action items\n\n` +
        '| Action | Owner | Due | Status |\n|---|---|---|---|\n| Add expiry alert | @jonas | 2026-12-10 | Done (2026-12-03) |\n| Automate cert rotation | @priya | 2026-12-05 | Done (2026-12-07) |\n| Drill rotation | @priya | 2026-12-08 | Done |\n',
    };
    const m = computeMetrics([table], { now: NOW, writerZone: 'Europe/Berlin' });
    assert.equal(m.actions.done, 3);
    assert.equal(m.actions.daysToClose.count, 2);
    assert.equal(m.actions.doneWithoutDate, 1, 'the plain Done');
    assert.match(renderMetricsText(m), /time to close: median 3 days, p90 4.6 days over 2 done items .*; 1 done without a done: date$/m);
  });

  it('says none is counted rather than "median –" over nothing', () => {
    const m = computeMetrics([UNRESOLVED], { now: NOW, writerZone: 'Asia/Kolkata' });
    assert.match(renderMetricsText(m), /time to close: none counted \(an item needs a done: date and its post-mortem a resolved_at\); 1 done without a done: date; 1 with a done: date left out/);
  });

  it('says how many items were done before the incident was resolved and counted as 0 days (trial11 T7)', () => {
    // Resolved 2026-12-06T09:15Z is 01:15 on the 6th in Los Angeles; rolled back on the 5th, during the incident.
    const sre = { uri: 'sre.md', text: RESOLVED.text.replace('resolved_at: 2026-12-05T20:45:00Z', 'resolved_at: 2026-12-06T09:15:00Z').replace('done:2026-12-07', 'done:2026-12-05') };
    const m = computeMetrics([sre], { now: NOW, writerZone: 'America/Los_Angeles' });
    assert.equal(m.actions.daysToClose.median, 0);
    assert.equal(m.actions.doneBeforeResolution, 1);
    assert.match(renderMetricsText(m), /time to close: median 0 days, p90 0 days over 1 done item \(from the resolved_at date to the done: date, both on the America\/Los_Angeles calendar\); 1 item done before the incident was resolved, counted as 0 days$/m);
    assert.match(renderMetricsMarkdown(m), /; 1 item done before the incident was resolved, counted as 0 days\./);
    // Done on the resolution day is 0 days without a note.
    const sameDay = computeMetrics([RESOLVED], { now: NOW, writerZone: 'Asia/Kolkata' });
    assert.equal(sameDay.actions.doneBeforeResolution, 0);
    assert.doesNotMatch(renderMetricsText(sameDay), /done before the incident/);
  });

  it('gives p90 of days its unit (trial T12)', () => {
    const late = { uri: 'late.md', text: RESOLVED.text.replace('PM-PAY', 'PM-LATE').replace('done:2026-12-07', 'done:2026-12-31') };
    // In January, when done:2026-12-31 has come (before it, it is left out: trial13a F10).
    const m = computeMetrics([RESOLVED, late], { now: '2027-01-05T12:00:00Z', writerZone: 'Asia/Kolkata' });
    assert.match(renderMetricsText(m), /median 13 days, p90 22\.6 days over 2 done items/);
  });
});

describe('per-period MTTR tables count every incident and those with both times (trial T6)', () => {
  it('shows a month with incidents but no MTTR as "2 incidents, 0 with both times"', () => {
    const nov = (id: string, day: string) => ({ uri: `${id}.md`, text: `---\nid: ${id}\nstarted_at: 2026-11-${day}T10:00:00Z\ndetected_at: 2026-11-${day}T10:00:00Z\nresolved_at: 2026-11-${day}T12:00:00Z\n---\n` });
    const dec = (id: string, day: string) => ({ uri: `${id}.md`, text: `---\nid: ${id}\nstarted_at: 2026-12-${day}T10:00:00Z\n---\n` });
    const m = computeMetrics([nov('N1', '02'), nov('N2', '09'), { uri: 'N3.md', text: '---\nid: N3\nstarted_at: 2026-11-20T10:00:00Z\n---\n' }, dec('D1', '05'), dec('D2', '06')], { now: NOW, since: '2026-11-01' });
    const text = renderMetricsText(m);
    assert.match(text, /month +incidents +with both times +median +p90 +mean/);
    assert.match(text, /2026-11 +3 +2 +2 hours/);
    assert.match(text, /2026-12 +2 +0 +–/);
    const md = renderMetricsMarkdown(m);
    assert.match(md, /\| month \| incidents \| with both times \| median \| p90 \| mean \|/);
    assert.match(md, /\| 2026-12 \| 2 \| 0 \| – \|/);
    assert.match(md, /\| incident type \| with both times \|/);
  });
});
