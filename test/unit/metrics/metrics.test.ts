import assert from 'node:assert/strict';
import { computeMetrics, MetricsOptionError, renderMetricsText, type DurationMetricId, type MetricsResult } from '../../../src/core/metrics';
import { WorkspaceIndex } from '../../../src/core/index';
import { HAND_SET, NOW } from './handSet';

const metric = (m: MetricsResult, id: DurationMetricId) => m.durations.find((d) => d.id === id)!;

describe('computeMetrics on a hand-computed set', () => {
  const m = computeMetrics(HAND_SET, { now: NOW });

  it('counts documents, incidents and the undated one instead of dropping it', () => {
    assert.equal(m.documents, 5);
    assert.equal(m.incidentCount, 4);
    assert.deepEqual(m.undated, ['e.md']);
    assert.deepEqual(m.periods, ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
  });

  it('computes MTTR detection → resolution: [60, 60, 120] gives median 60, p90 108, mean 80', () => {
    const d = metric(m, 'timeToResolveFromDetection');
    assert.deepEqual(d.overall, { count: 3, median: 60, p90: 108, mean: 80 });
    assert.equal(d.missing, 1, 'D has no detected_at');
    // February holds B (120) and C (60): median 90, p90 = 60 + 0.9 × 60.
    assert.deepEqual(d.trend.find((t) => t.period === '2026-02'), { period: '2026-02', count: 2, median: 90, p90: 114, mean: 90 });
    assert.deepEqual(d.trend.find((t) => t.period === '2026-04'), { period: '2026-04', count: 0, median: null, p90: null, mean: null });
    assert.deepEqual(d.bySeverity.map((g) => [g.key, g.count, g.median]), [['SEV1', 1, 60], ['SEV2', 2, 90]]);
    assert.deepEqual(d.byIncidentType.map((g) => [g.key, g.median]), [['outage', 90], ['degradation', 60]]);
  });

  it('computes MTTR start → resolution with a long outlier: median 110, p90 28773, mean 10331.3', () => {
    // Sorted [65, 70, 150, 41040]: p90 rank 2.7 → 150 + 0.7 × (41040 − 150).
    assert.deepEqual(metric(m, 'timeToResolveFromStart').overall, { count: 4, median: 110, p90: 28773, mean: 10331.3 });
  });

  it('computes time to detect and to mitigate (detection → mitigation)', () => {
    assert.deepEqual(metric(m, 'timeToDetect').overall, { count: 3, median: 10, p90: 26, mean: 15 });
    assert.deepEqual(metric(m, 'timeToMitigate').overall, { count: 2, median: 25, p90: 29, mean: 25 });
  });

  it('finds repeats by service and type within 90 days and by related links, as one chain', () => {
    assert.equal(m.repeats.repeats, 2);
    assert.equal(m.repeats.rate, 0.5);
    assert.deepEqual(m.repeats.chains.map((c) => c.incidents), [['A', 'B', 'C']]);
    assert.ok(m.repeats.chains[0].reasons.some((r) => r.includes('B repeats A: checkout outage within 90 days')));
    assert.ok(m.repeats.chains[0].reasons.some((r) => r.includes('C lists A as related')));
  });

  it('does not link the same service and type beyond the window', () => {
    const short = computeMetrics(HAND_SET, { now: NOW, repeatWindowDays: 30 });
    assert.deepEqual(short.repeats.chains.map((c) => c.incidents), [['A', 'C']]);
    assert.equal(short.repeats.repeats, 1);
  });

  it('computes review completion: one on time, one late, one overdue, one not yet due', () => {
    const r = m.reviews;
    assert.deepEqual([r.resolved, r.onTime, r.late, r.overdue, r.pending], [4, 1, 1, 1, 1]);
    assert.equal(r.completionRate, 0.333);
    assert.deepEqual(r.overdueReviews.map((o) => [o.id, o.hoursOverdue]), [['C', 3083]]);
  });

  it('does not count a review published before its resolution (a year typo) as on time, and says so in text and md', () => {
    const doc = (id: string, published: string, status = 'published') => ({
      uri: `${id}.md`,
      text: `---\nid: ${id}\ntitle: t ${id}\nstatus: ${status}\nstarted_at: 2026-11-20T10:00:00Z\nresolved_at: 2026-11-20T11:00:00Z\n${published}---\n\n## Summary\n\nx\n`,
    });
    const set = [doc('TYPO', 'published_at: 2025-11-21T09:00:00Z\n'), doc('OK', 'published_at: 2026-11-21T09:00:00Z\n'), doc('NODATE', '')];
    const r = computeMetrics(set, { now: '2026-12-01T00:00:00Z' }).reviews;
    assert.deepEqual([r.onTime, r.late, r.overdue], [1, 0, 0]);
    assert.deepEqual(r.publishedBeforeResolved, ['TYPO']);
    assert.equal(r.publishedWithoutDate, 1);
    const text = renderMetricsText(computeMetrics(set, { now: '2026-12-01T00:00:00Z' }));
    assert.match(text, /Reviews published within 48 h: 1 of 1 due .*not counted: 1 review published without `published_at`, 1 review with `published_at` before `resolved_at` \(TYPO\)/);
  });

  it('keeps the newest 25 years in the trend when an archive reaches back further (a 1975 incident hid every 2026 one), and says which it left out', () => {
    const doc = (id: string, start: string) => ({
      uri: `${id}.md`,
      text: `---\nid: ${id}\ntitle: t\nstatus: published\nstarted_at: ${start}T10:00:00Z\ndetected_at: ${start}T10:05:00Z\nresolved_at: ${start}T12:00:00Z\n---\n\n## Summary\n\nx\n`,
    });
    const m = computeMetrics([doc('OLD', '1975-03-01'), doc('NEW', '2026-03-01'), doc('TYPO', '0226-12-04')], { now: '2026-12-01T00:00:00Z' });
    assert.equal(m.periods.length, 300);
    assert.equal(m.periods.at(-1), '2026-03');
    assert.deepEqual(m.beforeTrend, ['OLD']);
    const trend = m.durations[0]!.trend;
    assert.equal(trend.find((t) => t.period === '2026-03')?.count, 1);
    assert.equal(m.durations[0]!.overall.count, 2, 'the totals keep every incident with its times');
    const text = renderMetricsText(m);
    assert.match(text, /The trend starts at 2001-04 \(it shows at most 300 months\); 1 older incident \(OLD\) counts? in the totals only\./);
    assert.match(text, /^ {2}2026-03 +1 /m);
    // A year before 1970 is a typo or a placeholder (lint: time/implausible): its times are not used, and said (trial12 T9).
    assert.deepEqual(m.undated, ['TYPO.md']);
    assert.match(m.problems.find((p) => p.uri === 'TYPO.md')?.message ?? '', /^Time not read: `started_at` \(0226-12-04T10:00:00Z\) is before 1970: a template's placeholder or a mistyped year, which lint flags \(time\/implausible\); not used$/);
  });

  it('computes action items: closure, overdue, days to close, quick wins, per owner', () => {
    const a = m.actions;
    assert.deepEqual([a.total, a.done, a.open, a.overdue, a.closureRate], [5, 3, 2, 1, 0.6]);
    // Done dates: A 2026-01-10 → 01-20 = 10 days, B 2026-02-15 → 02-19 = 4 days.
    assert.deepEqual(a.daysToClose, { count: 2, median: 7, p90: 9.4, mean: 7 });
    assert.equal(a.doneWithoutDate, 1);
    assert.deepEqual(a.highImpactLowEffort, { total: 2, open: 2, openShare: 1 });
    assert.deepEqual(a.byOwner, [
      { key: 'bob', total: 1, open: 1, overdue: 1, done: 0 },
      { key: 'ann', total: 4, open: 1, overdue: 0, done: 3 },
    ]);
    assert.deepEqual(a.overdueItems.map((o) => [o.incident, o.owner, o.daysOverdue]), [['A', 'bob', 149]]);
  });

  it('counts the action items of a post-mortem without any incident time, as `actions` does; a window leaves them out and says how many (trial C5)', () => {
    const undated = { uri: 'u.md', text: '---\ntype: postmortem\ntitle: Undated\nstatus: draft\n---\n\n## Action items\n\n- [ ] Add an alert @cy due:2026-01-05\n- [x] Fix the job @cy done:2026-01-02\n' };
    const all = computeMetrics([...HAND_SET, undated], { now: NOW });
    assert.deepEqual([all.actions.total, all.actions.open, all.actions.done, all.actions.overdue, all.actions.undatedItemsLeftOut], [7, 3, 4, 2, 0]);
    assert.ok(all.actions.byOwner.some((o) => o.key === 'cy' && o.open === 1 && o.done === 1));
    assert.ok(all.actions.overdueItems.some((o) => o.incident === 'u.md' && o.owner === 'cy'));
    const windowed = computeMetrics([...HAND_SET, undated], { now: NOW, since: '2026-01-01' });
    assert.equal(windowed.actions.undatedItemsLeftOut, 2);
    assert.ok(!windowed.actions.byOwner.some((o) => o.key === 'cy'));
    assert.match(renderMetricsText(windowed), /2 items of post-mortems without any incident time left out \(the window cannot place them\)/);
    assert.doesNotMatch(renderMetricsText(all), /left out \(the window/);
  });

  it('takes root-cause categories from cause: tags', () => {
    assert.deepEqual(m.rootCauses, [{ category: 'Capacity', incidents: 1 }, { category: 'Change', incidents: 1 }]);
  });

  it('lists every missing field with the documents lacking it', () => {
    const missing = Object.fromEntries(m.missing.map((f) => [f.field, f.uris]));
    assert.deepEqual(missing.detected_at, ['d.md', 'e.md']);
    assert.deepEqual(missing.mitigated_at, ['c.md', 'd.md', 'e.md']);
    assert.deepEqual(missing.id, ['e.md']);
  });

  it('restricts to the window but still links to incidents before it', () => {
    const feb = computeMetrics(HAND_SET, { now: NOW, since: '2026-02-01', until: '2026-02-28' });
    assert.deepEqual(feb.incidents.map((i) => i.id), ['B', 'C']);
    assert.equal(feb.outsideWindow, 2);
    assert.equal(feb.repeats.repeats, 2);
    assert.deepEqual(feb.periods, ['2026-02']);
  });

  it('groups by quarter', () => {
    const q = computeMetrics(HAND_SET, { now: NOW, by: 'quarter' });
    assert.deepEqual(q.periods, ['2026-Q1', '2026-Q2']);
    assert.equal(metric(q, 'timeToResolveFromDetection').trend[0].count, 3);
  });

  it('is reproducible: same input and now, same JSON', () => {
    assert.equal(JSON.stringify(computeMetrics(HAND_SET, { now: NOW })), JSON.stringify(m));
  });

  it('gives the same numbers from the summaries a workspace index holds (the dashboard\'s input)', () => {
    const index = new WorkspaceIndex();
    for (const d of HAND_SET) index.set(d.uri, d.text);
    const fromIndex = computeMetrics([...index.entries()].map(([uri, summary]) => ({ uri, summary })), { now: NOW });
    assert.deepEqual(fromIndex, m);
  });

  it('rejects unreadable bounds with a message naming the option', () => {
    assert.throws(() => computeMetrics(HAND_SET, { now: NOW, since: 'last tuesday' }), (e: unknown) => e instanceof MetricsOptionError && /--since/.test(e.message));
  });
});

describe('metrics count overdue items on the writer\'s calendar, like lint and actions (trial C11)', () => {
  const source = [{ uri: 'd.md', text: '---\nid: D1\ntitle: t\nstatus: published\nstarted_at: 2026-11-20T10:00:00Z\nresolved_at: 2026-11-20T11:00:00Z\n---\n\n## Action items\n\n- [ ] due today in Los Angeles @a due:2026-11-27\n' }];
  // 2026-11-28T01:00Z is 17:00 on the 27th in Los Angeles: the item is due today there, not overdue.
  const now = '2026-11-28T01:00:00Z';
  it('is not overdue on its due day where the writer is', () => {
    assert.equal(computeMetrics(source, { now, writerZone: 'America/Los_Angeles' }).actions.overdue, 0);
  });
  it('is overdue once that day is over (UTC when the writer\'s zone is not known)', () => {
    assert.equal(computeMetrics(source, { now }).actions.overdue, 1);
    assert.equal(computeMetrics(source, { now, writerZone: 'Asia/Kolkata' }).actions.overdue, 1);
  });
});
