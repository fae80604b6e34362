import assert from 'node:assert/strict';
import { computeMetrics, renderMetricsMarkdown, type MetricsSource } from '../../../src/core/metrics';
import { ticksFor } from '../../../src/core/metrics/render/axis';
import { durationUnit, metricsCharts, rootCauseNote, shortLabel, type ChartOptions } from '../../../src/core/metrics/render/charts';
import { chartPeriods, valuesByChartPeriod } from '../../../src/core/metrics/render/chartPeriods';
import { HAND_SET, NOW } from './handSet';

const WEBVIEW: ChartOptions = { inChartTitle: false, emptyBarsBelowAxis: false, barColours: false };
const MARKDOWN: ChartOptions = { inChartTitle: true, emptyBarsBelowAxis: true, barColours: true };

const yTop = (source: string) => Number(/y-axis "[^"]*" 0 --> ([\d.]+)/.exec(source)![1]);
const bars = (source: string) => [...source.matchAll(/bar "([^"]*)" \[(.*)\]/g)].map((b) => ({ name: b[1], values: b[2].split(', ').map(Number) }));
const lines = (source: string) => [...source.matchAll(/line "([^"]*)" \[(.*)\]/g)].map((b) => ({ name: b[1], values: b[2].split(', ').map(Number) }));

function incident(id: string, start: string, minutes: number, extra = ''): MetricsSource {
  const end = new Date(Date.parse(start) + minutes * 60_000).toISOString();
  return { uri: `${id}.md`, text: `---\nid: ${id}\nstarted_at: ${start}\ndetected_at: ${start}\nresolved_at: ${end}\n${extra}---\n` };
}

describe('metrics charts', () => {
  const m = computeMetrics(HAND_SET, { now: NOW });

  it('labels the incident count axis in whole numbers', () => {
    const chart = metricsCharts(m, WEBVIEW).find((c) => c.id === 'incidents')!;
    assert.ok(ticksFor(yTop(chart.source)).every(Number.isInteger), chart.source);
  });

  it('draws no bar for a month without incidents: removed from the SVG in the webview; in Markdown a 0 count, and no MTTR bar (below the axis)', () => {
    const sparse = computeMetrics([incident('A', '2026-01-10T10:00:00Z', 30), incident('B', '2026-03-10T10:00:00Z', 90)], { now: NOW });
    const [count, trend] = metricsCharts(sparse, WEBVIEW);
    assert.deepEqual(sparse.periods, ['2026-01', '2026-02', '2026-03']);
    assert.deepEqual(count.emptyBars, [1]);
    assert.deepEqual(trend.emptyBars, [1]);
    const md = metricsCharts(sparse, MARKDOWN);
    // The count of 0 stays a true 0 in the committed source; a month with no MTTR to show goes below the axis.
    assert.deepEqual(bars(md[0].source)[0].values, [1, 0, 1]);
    assert.doesNotMatch(md[0].source, /%% Periods without a value/);
    for (const chart of md.filter((c) => c.id.startsWith('trend-'))) {
      for (const b of bars(chart.source)) assert.ok(b.values[1] < 0 && b.values[0] > 0 && b.values[2] > 0, `${b.name}: ${b.values.join(', ')}`);
      assert.match(chart.source, /%% Periods without a value/);
      // The median line cannot have a gap: it runs straight from January to March, never down to 0 or below the axis.
      const [median] = lines(chart.source);
      assert.ok(median.values[1] > Math.min(median.values[0], median.values[2]) && median.values[1] < Math.max(median.values[0], median.values[2]), median.values.join(', '));
      assert.match(chart.source, /%% The median line runs straight across them/);
    }
  });

  it('charts a long range by quarter or year, so its labels can be read; the per-month table keeps months (trial U13)', () => {
    // Ten years, one incident every few months (an archive migrated with convert).
    const decade = Array.from({ length: 21 }, (_, k) => incident(`D${k}`, new Date(Date.UTC(2016, 6 + k * 6, 10, 10)).toISOString(), 30 + k * 10));
    // Now after the last of them (on the hand set's NOW, 2026-06-30, July's incident has not happened yet and is left out).
    const all = computeMetrics(decade, { now: '2026-12-01T00:00:00Z' });
    assert.equal(all.periods.length, 121, 'every month of the range is a period of the result');
    const [count, trend] = metricsCharts(all, WEBVIEW);
    const categories = (source: string) => /x-axis \[(.*)\]/.exec(source)![1].split(', ').map((c) => c.replace(/"/g, ''));
    assert.deepEqual(categories(count.source), ['2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026']);
    assert.equal(count.title, 'Incidents per year (121 months, too many to label: charted by year)');
    assert.deepEqual(bars(count.source)[0].values, [1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
    assert.deepEqual(categories(trend.source), categories(count.source));
    // 2017's median is of its own two incidents (40 and 50 minutes), not of the months' medians.
    assert.match(trend.description, /2017: median 0.75, p90 0.82 hours/); // 45 and 49 min
    // Three years fit as quarters (12 of them).
    const three = computeMetrics(decade.slice(0, 6), { now: NOW });
    assert.ok(three.periods.length > 24, `${three.periods.length} months`);
    const quarters = categories(metricsCharts(three, WEBVIEW)[0].source);
    assert.equal(quarters[0], '2016-Q3');
    assert.ok(quarters.length <= 24);
    // Up to 24 months stay months.
    assert.deepEqual(categories(metricsCharts(computeMetrics(decade.slice(0, 4), { now: NOW }), WEBVIEW)[0].source).length, 19);
  });

  it('picks a readable unit per chart: minutes under two hours, hours beyond, days when the typical month takes days', () => {
    assert.equal(durationUnit([30, 110], [20, 90]).name, 'minutes');
    assert.equal(durationUnit([30, 20.5 * 60], [30, 60]).name, 'hours');
    assert.equal(durationUnit([4 * 1440, 6 * 1440], [3 * 1440, 5 * 1440]).name, 'days');
    const quick = computeMetrics([incident('A', '2026-01-10T10:00:00Z', 30), incident('B', '2026-02-10T10:00:00Z', 95)], { now: NOW });
    const trend = metricsCharts(quick, WEBVIEW).find((c) => c.id === 'trend-timeToResolveFromDetection')!;
    assert.equal(trend.title, 'MTTR (detection → resolution) per month, minutes');
    assert.deepEqual(bars(trend.source).map((b) => b.values), [[30, 95]]);
    assert.deepEqual(lines(trend.source).map((b) => b.values), [[30, 95]]);
    assert.match(trend.source, /y-axis "minutes" 0 --> 100/);
  });

  it('names the p90 bars and the median line (legend) and keeps every series as long as the x-axis', () => {
    for (const chart of metricsCharts(m, MARKDOWN).filter((c) => c.id.startsWith('trend-'))) {
      // The median is a line drawn after (over) the p90 bars, so a p90 equal to the median still shows.
      assert.deepEqual(bars(chart.source).map((b) => b.name), ['p90']);
      assert.deepEqual(lines(chart.source).map((b) => b.name), ['median']);
      assert.ok(chart.source.indexOf('line "median"') > chart.source.indexOf('bar "p90"'));
      const axis = /x-axis \[(.*)\]/.exec(chart.source)![1].split(', ').length;
      for (const b of [...bars(chart.source), ...lines(chart.source)]) assert.equal(b.values.length, axis);
    }
  });

  it('turns x labels only when they would not fit side by side', () => {
    const year = computeMetrics([incident('A', '2025-01-10T10:00:00Z', 30), incident('B', '2026-06-10T10:00:00Z', 30)], { now: NOW });
    assert.match(metricsCharts(year, WEBVIEW)[0].source, /labelRotation: -45/);
    assert.doesNotMatch(metricsCharts(m, WEBVIEW)[0].source, /labelRotation/, 'six months fit upright');
  });

  it("counts one incident's four categories as four bars of 1, and says it is one incident (not a pie of 4 × 25 %, trial U5)", () => {
    const one = computeMetrics([incident('A', '2026-01-10T10:00:00Z', 30, 'tags: [cause:people, cause:process, cause:technology, cause:environment]\n'), incident('B', '2026-01-12T10:00:00Z', 30)], { now: NOW });
    const bars = metricsCharts(one, WEBVIEW).find((c) => c.id === 'root-causes')!;
    assert.doesNotMatch(bars.source, /^pie/m);
    assert.match(bars.source, /bar "incidents" \[1, 1, 1, 1\]/);
    assert.match(bars.source, /y-axis "incidents" 0 --> /);
    assert.equal(rootCauseNote(one), '1 incident of 2 has a root-cause category; an incident may have several, so the bars add up to more than 1.');
  });

  it('shortens long labels of the root-cause bars, keeping them apart', () => {
    const long = 'Third-party payment provider maintenance window not announced';
    assert.equal(shortLabel(long), 'Third-party payment provider…', 'cut at a word, within 32 characters');
    assert.equal(shortLabel('Change'), 'Change');
    const one = computeMetrics([incident('A', '2026-01-10T10:00:00Z', 30, `tags: ["cause:${long}"]\n`)], { now: NOW });
    const bars = metricsCharts(one, WEBVIEW).find((c) => c.id === 'root-causes')!;
    assert.match(bars.source, /x-axis \["Third.party payment provider…"\]/);
    // The accessible description keeps the full name; the drawn labels are short.
    assert.ok(bars.source.split('\n').every((line) => line.length < 80 || line.startsWith('  accDescr: ')), bars.source);
  });

  it('draws a single period and a single root-cause category', () => {
    const single = computeMetrics([incident('A', '2026-05-10T10:00:00Z', 45, 'tags: [cause:change]\n')], { now: NOW, since: '2026-05-01', until: '2026-05-31' });
    const charts = metricsCharts(single, WEBVIEW);
    assert.deepEqual(charts.map((c) => c.id), ['incidents', 'trend-timeToResolveFromDetection', 'trend-timeToResolveFromStart', 'root-causes']);
    assert.match(charts[0].source, /x-axis \["2026-05"\]/);
  });

  it('has no charts for a window without incidents, and the report says so', () => {
    const empty = computeMetrics([], { now: NOW, since: '2026-01-01' });
    assert.deepEqual(metricsCharts(empty, WEBVIEW), []);
    const md = renderMetricsMarkdown(empty);
    assert.doesNotMatch(md, /```mermaid/);
    assert.match(md, /No incidents in this window, so there is nothing to chart\./);
  });
});

describe('chart periods: incidents grouped once', () => {
  it('asks each incident for its value once, whatever the number of periods', () => {
    const months = Array.from({ length: 120 }, (_, k) => `${2016 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`);
    const c = chartPeriods({ by: 'month', periods: months });
    assert.equal(c.by, 'year');
    const incidents = months.map((period, k) => ({ period, minutes: k % 3 === 0 ? undefined : k }));
    let asked = 0;
    const grouped = valuesByChartPeriod(c, incidents, (i) => {
      asked++;
      return i.minutes;
    });
    assert.equal(asked, incidents.length);
    assert.deepEqual(grouped.get('2016'), [1, 2, 4, 5, 7, 8, 10, 11]);
    assert.equal([...grouped.values()].reduce((n, v) => n + v.length, 0), 80);
  });
});
