import assert from 'node:assert/strict';
import { computeMetrics, type MetricsSource } from '../../../src/core/metrics';
import { windowStartDay } from '../../../src/core/metrics/periods';
import { readSummary } from '../../../src/core/index';
import { libraryEntry } from '../../../src/core/library/entry';
import { groupLibrary, libraryGrouping } from '../../../src/core/library';

const NOW = '2026-12-06T12:00:00Z';

function postmortem(id: string, zone: string | undefined, started: string): MetricsSource & { text: string } {
  return { uri: `${id}.md`, text: `---\ntype: postmortem\nid: ${id}\ntitle: ${id}\n${zone ? `timezone: ${zone}\n` : ''}started_at: ${started}\nresolved_at: ${started}\n---\n\n# ${id}\n` };
}

/** The library's date and year group of a file, as the Post-mortems view shows it. */
function library(p: { uri: string; text: string }): { date?: string; year: string } {
  const entry = libraryEntry(p.uri, readSummary(p.text));
  const [group] = groupLibrary([entry], libraryGrouping('year')!, {});
  return { date: entry.date, year: group.label };
}

describe('metrics and the library date an incident by one calendar (trial U16)', () => {
  // 23:30 on New Year's Eve in Los Angeles; 00:30 on New Year's Day in Berlin.
  const la = postmortem('LA', 'America/Los_Angeles', '2026-01-01T07:30:00Z');
  const berlin = postmortem('BER', 'Europe/Berlin', '2025-12-31T23:30:00Z');
  const utc = postmortem('UTC', undefined, '2025-12-31T23:30:00Z');

  it('puts each incident in the month of the day the library shows for it', () => {
    const m = computeMetrics([la, berlin, utc], { now: NOW });
    const periods = Object.fromEntries(m.incidents.map((i) => [i.id, i.period]));
    assert.deepEqual(periods, { LA: '2025-12', BER: '2026-01', UTC: '2025-12' });
    assert.deepEqual([library(la), library(berlin), library(utc)], [
      { date: '2025-12-31', year: '2025' }, { date: '2026-01-01', year: '2026' }, { date: '2025-12-31', year: '2025' },
    ]);
    // The day the dashboard's Incidents table shows is the library's, not the UTC day (trial12 T3).
    assert.deepEqual(Object.fromEntries(m.incidents.map((i) => [i.id, i.date])), { LA: '2025-12-31', BER: '2026-01-01', UTC: '2025-12-31' });
    const byQuarter = computeMetrics([la, berlin], { now: NOW, by: 'quarter' });
    assert.deepEqual(byQuarter.periods, ['2025-Q4', '2026-Q1']);
  });

  it('a date window takes an incident by that day: "since 2026-01-01" leaves out the LA incident of 31 December', () => {
    const since = computeMetrics([la, berlin], { now: NOW, since: '2026-01-01' });
    assert.deepEqual(since.incidents.map((i) => i.id), ['BER']);
    assert.equal(since.outsideWindow, 1);
    const until = computeMetrics([la, berlin], { now: NOW, until: '2025-12-31' });
    assert.deepEqual(until.incidents.map((i) => i.id), ['LA']);
    assert.deepEqual(until.periods, ['2025-12']);
    // An ISO time is compared as an instant: LA started at 07:30Z, after midnight UTC (Berlin, 23:30Z the day before, did not).
    assert.deepEqual(computeMetrics([la, berlin], { now: NOW, since: '2026-01-01T00:00:00Z' }).incidents.map((i) => i.id), ['LA']);
  });

  it('every period an incident is in is listed, also when an instant window starts inside its local month', () => {
    const m = computeMetrics([la], { now: NOW, since: '2026-01-01T00:00:00Z', until: '2026-01-31' });
    assert.deepEqual(m.incidents.map((i) => i.period), ['2025-12']);
    assert.ok(m.periods.includes('2025-12'), m.periods.join(', '));
    assert.equal(m.durations[0].trend.find((t) => t.period === '2025-12')?.count ?? 0, 0, 'LA has no detected_at: no MTTR, but its period row exists');
  });

  it('the dashboard\'s "last N months" start on the same day N months ago, on the writer\'s calendar (trial T20)', () => {
    // 00:30 on 1 December in Berlin is still 30 November in UTC.
    const now = Date.parse('2026-11-30T23:30:00Z');
    assert.equal(windowStartDay(now, 1, 'Europe/Berlin'), '2026-11-01');
    assert.equal(windowStartDay(now, 1, 'UTC'), '2026-10-30');
    assert.equal(windowStartDay(now, 3, 'America/Los_Angeles'), '2026-08-30');
    assert.equal(windowStartDay(now, 12, 'Europe/Berlin'), '2025-12-01');
    assert.equal(windowStartDay(now, 0, 'Europe/Berlin'), undefined);
    // The trial's day: "last 12 months" on 2026-12-06 holds an incident of 2025-12-20, "last 3 months" one of 2026-09-26.
    const trialDay = Date.parse('2026-12-06T10:00:00Z');
    assert.equal(windowStartDay(trialDay, 12, 'Europe/Berlin'), '2025-12-06');
    assert.equal(windowStartDay(trialDay, 3, 'Europe/Berlin'), '2026-09-06');
    // A shorter month: the window starts on its last day.
    assert.equal(windowStartDay(Date.parse('2026-05-31T12:00:00Z'), 3, 'UTC'), '2026-02-28');
    assert.equal(windowStartDay(Date.parse('2028-05-31T12:00:00Z'), 3, 'UTC'), '2028-02-29');
    assert.equal(windowStartDay(Date.parse('2027-03-15T12:00:00Z'), 24, 'UTC'), '2025-03-15');
  });

  it('a window open at the end runs its trend to the current month, not to the last incident\'s', () => {
    const now = '2026-12-06T10:00:00Z';
    const dec = postmortem('DEC', undefined, '2025-12-20T10:00:00Z');
    const sep = postmortem('SEP', undefined, '2026-09-26T10:00:00Z');
    const m = computeMetrics([dec, sep], { now, since: windowStartDay(Date.parse(now), 12, 'UTC') });
    assert.deepEqual(m.incidents.map((i) => i.id), ['DEC', 'SEP']);
    assert.equal(m.periods[0], '2025-12');
    assert.equal(m.periods[m.periods.length - 1], '2026-12');
    assert.equal(m.periods.length, 13);
    const last3 = computeMetrics([dec, sep], { now, since: windowStartDay(Date.parse(now), 3, 'UTC'), by: 'quarter' });
    assert.deepEqual(last3.incidents.map((i) => i.id), ['SEP']);
    assert.deepEqual(last3.periods, ['2026-Q3', '2026-Q4']);
    // All time spans the incidents, as before.
    assert.deepEqual(computeMetrics([dec, sep], { now }).periods.at(-1), '2026-09');
  });
});
