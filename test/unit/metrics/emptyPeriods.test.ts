import assert from 'node:assert/strict';
import { computeMetrics, renderMetricsMarkdown, renderMetricsText } from '../../../src/core/metrics';

/** Trial F11: three incidents over seven and a half years, as in a repository of old post-mortems. */
const incident = (id: string, start: string, end: string) => ({
  uri: `${id}.md`,
  text: `---\nid: ${id}\ntitle: Incident ${id}\nincident_type: outage\nfactors: [capacity]\nstarted_at: ${start}\ndetected_at: ${start}\nresolved_at: ${end}\n---\n# Incident ${id}\n`,
});
const SPREAD = [
  incident('A', '2018-01-10T10:00:00Z', '2018-01-10T11:00:00Z'),
  incident('B', '2020-06-02T08:00:00Z', '2020-06-02T08:30:00Z'),
  incident('C', '2025-07-23T15:00:00Z', '2025-07-23T17:00:00Z'),
];

describe('per-period tables over a long span (trial F11)', () => {
  const m = computeMetrics(SPREAD, { now: '2025-12-01T00:00:00Z' });

  it('the text report lists only the months with incidents and says how many empty months it left out', () => {
    assert.equal(m.periods.length, 91, 'the result keeps every month (charts, JSON)');
    const text = renderMetricsText(m);
    const head = text.split('\n').findIndex((l) => / by month/.test(l));
    assert.match(text.split('\n')[head], /by month \(88 months without incidents left out\):$/);
    const rows = text.split('\n').slice(head + 2).filter((l) => /^ {2}\d{4}-\d{2}\s/.test(l));
    assert.deepEqual(rows.map((r) => r.trim().split(/\s+/)[0]), ['2018-01', '2020-06', '2025-07']);
    assert.doesNotMatch(text, /^ {2}\d{4}-\d{2}\s+0\s+–/m, 'no empty rows');
  });

  it('by quarter too, and nothing is said when no period is empty', () => {
    const q = renderMetricsText(computeMetrics(SPREAD, { now: '2025-12-01T00:00:00Z', by: 'quarter' }));
    assert.match(q, /by quarter \(28 quarters without incidents left out\):/);
    const dense = renderMetricsText(computeMetrics(SPREAD.slice(0, 1), { now: '2025-12-01T00:00:00Z' }));
    assert.match(dense, /by month:\n {2}month/);
  });

  it('the Markdown report lists only those months in its tables (the charts keep the time axis)', () => {
    const md = renderMetricsMarkdown(m);
    assert.doesNotMatch(md, /^\| 2019-\d{2} \|/m);
    assert.match(md, /^\| 2020-06 \| 1 \|/m);
    assert.match(md, /with incidents \(88 months without incidents left out\)/);
    const factors = md.split('\n').find((l) => l.startsWith('| factor |'))!;
    assert.equal(factors, '| factor | incidents | of them repeats | 2018-01 | 2020-06 | 2025-07 |');
  });
});
