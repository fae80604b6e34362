import { metricsCharts, type ChartSource } from '../../src/core/metrics/render/charts';
import type { MetricsResult } from '../../src/core/metrics/types';

export type { ChartSource } from '../../src/core/metrics/render/charts';

/** Incidents per period, MTTR trends, and the root-cause pie; empty when the window holds no incident. */
export function chartsFor(m: MetricsResult): ChartSource[] {
  // Captions are figcaptions here; empty bars are removed from the drawn SVG (see removeEmptyBars);
  // colours come from the theme-aware Mermaid configuration (chartTheme.ts).
  return metricsCharts(m, { inChartTitle: false, emptyBarsBelowAxis: false, barColours: false, hostTrimsTicks: true });
}

/**
 * Mermaid draws a 0 bar as a sliver as tall as its axis padding, which reads as "a little". The
 * bars of each series are its `rect`s in x order, so the empty periods' rects are removed; a line
 * (the median) is cut there, since Mermaid's lines run across every category.
 */
export function removeEmptyBars(host: Element, chart: ChartSource): void {
  if (!chart.emptyBars.length) return;
  let barWidth = 0;
  for (const group of host.querySelectorAll('g[class^="bar-plot-"]')) {
    const bars = [...group.querySelectorAll(':scope > rect')];
    barWidth ||= Number(bars[0]?.getAttribute('width')) || 0;
    for (const i of chart.emptyBars) bars[i]?.remove();
  }
  for (const path of host.querySelectorAll('g[class^="line-plot-"] > path')) {
    const d = path.getAttribute('d');
    if (d) path.setAttribute('d', lineWithGaps(d, new Set(chart.emptyBars), barWidth / 2 || 8));
  }
}

/**
 * A line's path (Mermaid's d3 `M x,y L x,y …`, one point per category) without its points at
 * `gaps`: the runs between gaps are drawn apart, and a point alone between two gaps becomes a
 * level stroke `halfWidth` either side, like the top of a bar, so it still shows.
 */
export function lineWithGaps(d: string, gaps: ReadonlySet<number>, halfWidth: number): string {
  const points = [...d.matchAll(/[ML]\s*(-?[\d.]+(?:e[-+]?\d+)?)[\s,]+(-?[\d.]+(?:e[-+]?\d+)?)/gi)].map((m) => [Number(m[1]), Number(m[2])] as const);
  const runs: (readonly [number, number])[][] = [];
  let run: (readonly [number, number])[] = [];
  points.forEach((p, i) => {
    if (gaps.has(i)) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push(p);
  });
  if (run.length) runs.push(run);
  return runs.map((r) => (r.length === 1
    ? `M${r[0][0] - halfWidth},${r[0][1]}L${r[0][0] + halfWidth},${r[0][1]}`
    : r.map(([x, y], i) => `${i ? 'L' : 'M'}${x},${y}`).join(''))).join('');
}

/**
 * Removes the y-axis tick labels (and their tick marks) that are not whole numbers from a drawn
 * count chart: Mermaid steps by 0.5 or 0.2 below a top of 7 and offers no tick format, and "0.5
 * incidents" reads as data. Labels and ticks are drawn in the same order, so they go by index.
 */
export function trimFractionalTicks(host: Element): void {
  const axis = host.querySelector('g.left-axis');
  if (!axis) return;
  const labels = [...axis.querySelectorAll(':scope > g.label > text')];
  const ticks = [...axis.querySelectorAll(':scope > g.ticks > path')];
  labels.forEach((label, i) => {
    const n = Number((label.textContent ?? '').trim());
    if (Number.isFinite(n) && !Number.isInteger(n)) {
      label.remove();
      ticks[i]?.remove();
    }
  });
}

/** A bottom-axis tick's x and lower end, from Mermaid's `M x,y L x,y2` path. */
function tickAt(path: Element | undefined): { x: number; bottom: number } | undefined {
  const m = /^\s*M\s*(-?[\d.]+)[\s,]+(-?[\d.]+)\s*L\s*(-?[\d.]+)[\s,]+(-?[\d.]+)/i.exec(path?.getAttribute('d') ?? '');
  return m ? { x: Number(m[1]), bottom: Math.max(Number(m[2]), Number(m[4])) } : undefined;
}

/** The rotation (degrees) in a label's `transform`, 0 when it is upright. */
function rotationOf(label: Element): number {
  const m = /rotate\(\s*(-?[\d.]+)/.exec(label.getAttribute('transform') ?? '');
  return m ? Number(m[1]) : 0;
}

/**
 * Turned x labels end under their own tick. Mermaid turns a label about its middle, so its upper
 * end stands halfway to the next bar: the lone January bar sat beside the end of "2025-12" and read
 * as December (trial T5). Each turned label is anchored by its end at its tick instead (the usual
 * way to draw slanted axis labels), just below the tick; upright labels are left as drawn.
 */
export function anchorTurnedLabels(host: Element): void {
  const labels = [...host.querySelectorAll('g.bottom-axis g.label > text')];
  const ticks = [...host.querySelectorAll('g.bottom-axis g.ticks > path')];
  if (labels.length === 0 || labels.length !== ticks.length) return;
  labels.forEach((label, i) => {
    const angle = rotationOf(label);
    const tick = tickAt(ticks[i]);
    if (angle === 0 || !tick) return;
    // Half the line height clears the axis at the label's upper corner.
    const fontSize = Number.parseFloat(label.getAttribute('font-size') ?? '') || 16;
    const drop = 3 + (fontSize / 2) * Math.abs(Math.cos((angle * Math.PI) / 180));
    label.setAttribute('text-anchor', 'end');
    label.setAttribute('dominant-baseline', 'middle');
    label.setAttribute('transform', `translate(${tick.x}, ${tick.bottom + drop}) rotate(${angle})`);
  });
}

/**
 * Thins the x-axis labels of a drawn chart until none overlaps its neighbour: every k-th label is
 * kept, counted back from the latest period (the one a reader looks for first), for the smallest k
 * that leaves a gap between them. A chart beside a legend, or 25 years of an archive, gives each
 * label less room than its text needs even turned (trial T10); the bars and ticks all stay, and the
 * table below the charts lists every period. Turned labels lie parallel: two of them overlap only
 * when the distance between their lines (the ticks' spacing times the sine of the angle) is less
 * than a line of text, whatever their bounding boxes say; measuring boxes dropped every other
 * month of a year that had room for all 13 (trial T5).
 */
export function thinCrowdedLabels(host: Element): void {
  const labels = [...host.querySelectorAll('g.bottom-axis g.label > text')];
  const boxes = labels.map((l) => l.getBoundingClientRect());
  // Not laid out (drawn while the panel was hidden): nothing to measure, so nothing is removed.
  if (boxes.some((b) => b.width === 0)) return;
  const angle = labels.length ? rotationOf(labels[0]) : 0;
  const ticks = [...host.querySelectorAll('g.bottom-axis g.ticks > path')].map(tickAt);
  const spacing = ticks.length > 1 && ticks[0] && ticks[1] ? Math.abs(ticks[1].x - ticks[0].x) : 0;
  const lineHeight = angle !== 0 && labels.length ? textLineHeight(labels[0]) : 0;
  const clear = angle !== 0 && spacing > 0 && lineHeight > 0
    ? (step: number): boolean => step * spacing * Math.abs(Math.sin((angle * Math.PI) / 180)) >= lineHeight + 1
    : (step: number): boolean => {
      let previousRight = -Infinity;
      for (let i = (labels.length - 1) % step; i < labels.length; i += step) {
        if (boxes[i].left < previousRight + 2) return false;
        previousRight = boxes[i].right;
      }
      return true;
    };
  let step = 1;
  while (step < labels.length && !clear(step)) step++;
  if (step === 1) return;
  labels.forEach((label, i) => {
    if ((labels.length - 1 - i) % step !== 0) label.remove();
  });
}

/** A label's line height in the drawing's units (its box before its own rotation); 0 when not measurable. */
function textLineHeight(label: Element): number {
  const measurable = label as Element & { getBBox?: () => { height: number } };
  try {
    return typeof measurable.getBBox === 'function' ? measurable.getBBox().height : 0;
  } catch {
    return 0;
  }
}
