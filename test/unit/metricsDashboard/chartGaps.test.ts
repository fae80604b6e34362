import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { computeMetrics, type MetricsSource } from '../../../src/core/metrics';
import { bridgedLine } from '../../../src/core/metrics/render/charts';
import { chartsFor, lineWithGaps, removeEmptyBars } from '../../../webview/metrics/charts';

function incident(id: string, start: string, minutes: number): MetricsSource {
  const end = new Date(Date.parse(start) + minutes * 60_000).toISOString();
  return { uri: `${id}.md`, text: `---\nid: ${id}\nstarted_at: ${start}\ndetected_at: ${start}\nresolved_at: ${end}\n---\n` };
}

describe('metrics trend charts: the median line over the p90 bars', () => {
  it('bridges a period without incidents in the source, never dropping to 0', () => {
    assert.deepEqual(bridgedLine([30, null, 90]), [30, 60, 90]);
    assert.deepEqual(bridgedLine([null, 30, null, null, 60, null]), [30, 30, 40, 50, 60, 60]);
  });

  it('cuts the drawn line at empty periods; a point alone between gaps becomes a level stroke', () => {
    const d = 'M10,100L30,80L50,60L70,40L90,20';
    assert.equal(lineWithGaps(d, new Set([2]), 5), 'M10,100L30,80M70,40L90,20');
    assert.equal(lineWithGaps(d, new Set([0, 2, 4]), 5), 'M25,80L35,80M65,40L75,40');
    assert.equal(lineWithGaps(d, new Set(), 5), 'M10,100L30,80L50,60L70,40L90,20');
  });

  it('removes the empty p90 bar and the line through it from the drawn SVG', () => {
    const sparse = computeMetrics([incident('A', '2026-01-10T10:00:00Z', 30), incident('B', '2026-03-10T10:00:00Z', 90)], { now: '2026-06-30T00:00:00Z' });
    const trend = chartsFor(sparse).find((c) => c.id === 'trend-timeToResolveFromDetection')!;
    assert.deepEqual(trend.emptyBars, [1]);
    // The shape Mermaid draws: one group per plot, bars as rects and a line as one path, in x order.
    const { document } = new JSDOM(`<svg><g class="plot"><g class="bar-plot-0"><rect x="5" width="10"/><rect x="25" width="10"/><rect x="45" width="10"/></g>
      <g class="line-plot-1"><path d="M10,100L30,80L50,60"/></g></g></svg>`).window;
    removeEmptyBars(document.body, trend);
    assert.deepEqual([...document.querySelectorAll('.bar-plot-0 rect')].map((r) => r.getAttribute('x')), ['5', '45']);
    assert.equal(document.querySelector('.line-plot-1 path')!.getAttribute('d'), 'M5,100L15,100M45,60L55,60');
  });
});
