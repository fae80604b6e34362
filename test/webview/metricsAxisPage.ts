import mermaid from 'mermaid';
import { anchorTurnedLabels, removeEmptyBars, thinCrowdedLabels, trimFractionalTicks, type ChartSource } from '../../webview/metrics/charts';
import { metricsMermaidConfig } from '../../webview/metrics/chartTheme';

/**
 * Test page for the dashboard's charts (bundled by metricsAxis.test.ts): draws a chart with the
 * dashboard's Mermaid configuration into a box as wide as a dashboard column, then runs the same
 * passes over the SVG as webview/metrics/dashboard.ts.
 */
mermaid.initialize(metricsMermaidConfig('dark'));
let n = 0;
Object.assign(window, {
  async drawChart(chart: ChartSource, width: number): Promise<void> {
    const host = document.createElement('div');
    host.className = 'chart-drawing';
    host.style.width = `${width}px`;
    document.body.append(host);
    const { svg } = await mermaid.render(`chart-${++n}`, chart.source);
    host.innerHTML = svg;
    const drawn = host.querySelector('svg')!;
    drawn.style.maxWidth = '100%';
    drawn.style.height = 'auto';
    removeEmptyBars(host, chart);
    if (chart.wholeNumbers) trimFractionalTicks(host);
    anchorTurnedLabels(host);
    thinCrowdedLabels(host);
  },

  /** Where each x label ends (its upper-right corner, turned), each tick and each drawn bar, on the screen. */
  axisOf(index: number) {
    const host = document.querySelectorAll('.chart-drawing')[index]!;
    const texts = [...host.querySelectorAll<SVGTextElement>('g.bottom-axis g.label > text')];
    const labels = texts.map((t) => {
      const r = t.getBoundingClientRect();
      return { text: t.textContent ?? '', endX: r.right, topY: r.top };
    });
    const ticks = [...host.querySelectorAll('g.bottom-axis g.ticks > path')].map((p) => {
      const r = p.getBoundingClientRect();
      return (r.left + r.right) / 2;
    });
    const bars = [...host.querySelectorAll('g[class^="bar-plot-"] > rect')].map((b) => {
      const r = b.getBoundingClientRect();
      return { left: r.left, right: r.right };
    });
    // Two neighbours overlap when the centre of a character of one lies inside the other's box
    // (in that label's own turned coordinates).
    const overlaps: string[] = [];
    for (let k = 1; k < texts.length; k++) {
      const before = texts[k - 1];
      const box = before.getBBox();
      const toBefore = before.getScreenCTM()!.inverse();
      const t = texts[k];
      for (let c = 0; c < t.getNumberOfChars(); c++) {
        const ext = t.getExtentOfChar(c);
        const p = new DOMPoint(ext.x + ext.width / 2, ext.y + ext.height / 2).matrixTransform(t.getScreenCTM()!).matrixTransform(toBefore);
        if (p.x > box.x && p.x < box.x + box.width && p.y > box.y && p.y < box.y + box.height) overlaps.push(`${before.textContent}/${t.textContent}`);
      }
    }
    return { labels, ticks, bars, overlaps };
  },
});
