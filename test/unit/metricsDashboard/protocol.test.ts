import assert from 'node:assert/strict';
import { computeMetrics } from '../../../src/core/metrics';
import { isFromMetricsWebview, isToMetricsWebview } from '../../../src/shared/protocol/metrics';
import { chartsFor } from '../../../webview/metrics/charts';

const pm = (id: string, start: string, extra = '') => ({
  uri: `file:///w/postmortems/${id}.md`,
  text: `---\ntype: postmortem\nid: ${id}\ntitle: "Title of ${id}"\nstatus: published\nseverity: SEV2\nincident_type: outage\nservices: [checkout]\nstarted_at: ${start}\ndetected_at: ${start}\nresolved_at: ${start.replace('T10', 'T12')}\n${extra}---\n\n# T\n`,
});

describe('metrics dashboard protocol', () => {
  it('accepts exactly the webview message shapes', () => {
    assert.ok(isFromMetricsWebview({ type: 'ready' }));
    assert.ok(isFromMetricsWebview({ type: 'options', options: { by: 'quarter', windowMonths: 0 } }));
    assert.ok(isFromMetricsWebview({ type: 'open', uri: 'file:///w/a.md' }));
    assert.ok(isFromMetricsWebview({ type: 'rendered', charts: 3, failedCharts: 0, tables: 9 }));
  });

  it('refuses extra keys, wrong values and non-plain objects', () => {
    assert.ok(!isFromMetricsWebview({ type: 'ready', extra: 1 }));
    assert.ok(!isFromMetricsWebview({ type: 'options', options: { by: 'week', windowMonths: 12 } }));
    assert.ok(!isFromMetricsWebview({ type: 'options', options: { by: 'month', windowMonths: 7 } }));
    assert.ok(!isFromMetricsWebview({ type: 'open', uri: '' }));
    assert.ok(!isFromMetricsWebview({ type: 'open', uri: 'x'.repeat(5000) }));
    assert.ok(!isFromMetricsWebview({ type: 'rendered', charts: -1, failedCharts: 0, tables: 0 }));
    assert.ok(!isFromMetricsWebview(JSON.parse('{"type":"ready","__proto__":{"x":1}}')));
    assert.ok(!isFromMetricsWebview([{ type: 'ready' }]));
    assert.ok(!isFromMetricsWebview(null));
  });

  it('the webview accepts a computed result and refuses a truncated one', () => {
    const result = computeMetrics([pm('PM-1', '2026-01-10T10:00:00Z')], { now: '2026-11-27T12:00:00Z' });
    assert.ok(isToMetricsWebview({ type: 'metrics', options: { by: 'month', windowMonths: 12 }, result, unreadable: 0 }));
    assert.ok(!isToMetricsWebview({ type: 'metrics', options: { by: 'month', windowMonths: 12 }, result: { incidents: [] }, unreadable: 0 }));
    assert.ok(isToMetricsWebview({ type: 'error', message: 'x' }));
  });
});

describe('metrics dashboard charts', () => {
  it('draws incidents per period, both MTTR trends and the root-cause bars, with labels that cannot break out of Mermaid strings', () => {
    const docs = [pm('PM-1', '2026-01-10T10:00:00Z', 'tags: [\'cause:bad "quote" {x}\']\n'), pm('PM-2', '2026-03-10T10:00:00Z', 'tags: [cause:config]\n')];
    const m = computeMetrics(docs, { now: '2026-11-27T12:00:00Z', by: 'month' });
    const charts = chartsFor(m);
    const ids = charts.map((c) => c.id);
    assert.deepEqual(ids, ['incidents', 'trend-timeToResolveFromDetection', 'trend-timeToResolveFromStart', 'root-causes']);
    assert.match(charts[3].source, /\nxychart-beta\n/);
    assert.match(charts[3].source, /x-axis \["Bad .quote. x", "Config"\]|x-axis \["Config", "Bad .quote. x"\]/);
    assert.match(charts[3].source, /bar "incidents" \[1, 1\]/);
    const incidents = charts[0].source;
    assert.match(incidents, /x-axis \["2026-01", "2026-02", "2026-03"\]/);
    assert.match(incidents, /bar "incidents" \[1, 0, 1\]/);
    assert.match(charts[1].source, /bar "p90" \[2, 0, 2\]/, 'p90 of 2 h in January and March');
    for (const c of charts) assert.ok(!/[{}]/.test(c.source), `no braces in ${c.source}`);
  });

  it('draws nothing for an empty workspace', () => {
    assert.deepEqual(chartsFor(computeMetrics([], { now: '2026-11-27T12:00:00Z' })), []);
  });
});
