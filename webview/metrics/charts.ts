import { metricsCharts, type ChartSource } from '../../src/core/metrics/render/charts';
import type { MetricsResult } from '../../src/core/metrics/types';

export type { ChartSource } from '../../src/core/metrics/render/charts';

/** Incidents per period, MTTR trends, and the root-cause pie; empty when the window holds no incident. */
export function chartsFor(m: MetricsResult): ChartSource[] {
  // Captions are figcaptions here; empty bars are removed from the drawn SVG (see removeEmptyBars);
  // colours come from the theme-aware Mermaid configuration (chartTheme.ts).
  return metricsCharts(m, { inChartTitle: false, emptyBarsBelowAxis: false, barColours: false });
}

/**
 * Mermaid draws a 0 bar as a sliver as tall as its axis padding, which reads as "a little". The
 * bars of each series are its `rect`s in x order, so the empty periods' rects are removed.
 */
export function removeEmptyBars(host: Element, chart: ChartSource): void {
  if (!chart.emptyBars.length) return;
  for (const group of host.querySelectorAll('g[class^="bar-plot-"]')) {
    const bars = [...group.querySelectorAll(':scope > rect')];
    for (const i of chart.emptyBars) bars[i]?.remove();
  }
}
