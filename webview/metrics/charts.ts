import { mermaidString } from '../../src/core/metrics/render/markdown';
import type { DurationMetric, MetricsResult } from '../../src/core/metrics/types';

/** A chart to draw: its heading (set as text) and the Mermaid source built from numbers and escaped labels. */
export interface ChartSource {
  readonly id: string;
  readonly title: string;
  readonly source: string;
}

const hours = (v: number | null) => (v === null ? 0 : Math.round((v / 60) * 10) / 10);

function trendChart(d: DurationMetric): ChartSource {
  const max = Math.max(1, ...d.trend.map((t) => hours(t.p90)));
  return {
    id: `trend-${d.id}`,
    title: `${d.label}: p90 (bars) and median (line), hours`,
    source: [
      'xychart-beta',
      `  x-axis [${d.trend.map((t) => mermaidString(t.period)).join(', ')}]`,
      `  y-axis ${mermaidString('hours')} 0 --> ${Math.ceil(max)}`,
      `  bar [${d.trend.map((t) => hours(t.p90)).join(', ')}]`,
      `  line [${d.trend.map((t) => hours(t.median)).join(', ')}]`,
    ].join('\n'),
  };
}

/** Incidents per period, MTTR trends, and the root-cause pie; empty when there is nothing to chart. */
export function chartsFor(m: MetricsResult): ChartSource[] {
  const charts: ChartSource[] = [];
  if (m.periods.length) {
    const perPeriod = m.periods.map((p) => m.incidents.filter((i) => i.period === p).length);
    charts.push({
      id: 'incidents',
      title: `Incidents per ${m.by}`,
      source: [
        'xychart-beta',
        `  x-axis [${m.periods.map(mermaidString).join(', ')}]`,
        `  y-axis ${mermaidString('incidents')} 0 --> ${Math.max(1, ...perPeriod)}`,
        `  bar [${perPeriod.join(', ')}]`,
      ].join('\n'),
    });
    for (const d of m.durations) {
      if (d.id === 'timeToResolveFromDetection' || d.id === 'timeToResolveFromStart') charts.push(trendChart(d));
    }
  }
  if (m.rootCauses.length) {
    charts.push({
      id: 'root-causes',
      title: 'Incidents by root-cause category',
      source: ['pie', ...m.rootCauses.map((c) => `  ${mermaidString(c.category)} : ${c.incidents}`)].join('\n'),
    });
  }
  return charts;
}
