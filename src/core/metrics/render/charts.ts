import type { DurationMetric, MetricsResult } from '../types';
import { axisTop } from './axis';
import { maxOf } from '../../collections/appendAll';
import { plural } from './format';
import { summarise } from '../stats';
import { chartPeriods, combinedNote, valuesByChartPeriod } from './chartPeriods';

/** A chart to draw: a caption (set as text), the Mermaid source, and which x categories have no bar. */
export interface ChartSource {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  /**
   * Category indices whose bars are empty (no incident, zero count). Mermaid draws a 0 bar as a
   * sliver (its axis padding), so a host that can edit the SVG removes those bars after drawing,
   * and cuts the line (the median) there: Mermaid's line has no gaps, so it runs across them.
   */
  readonly emptyBars: readonly number[];
  /** The chart's numbers as a sentence (also its `accDescr`): a text alternative a host can show. */
  readonly description: string;
  /**
   * A count axis drawn to a tight top (`hostTrimsTicks`): the host removes the fractional tick
   * labels Mermaid draws below a top of 7 (0.5 incidents), leaving whole numbers.
   */
  readonly wholeNumbers: boolean;
}

export interface ChartOptions {
  /** Put the caption inside the chart (`title`): for Markdown, where nothing else labels it. */
  readonly inChartTitle: boolean;
  /**
   * Where the drawn SVG cannot be edited (a code host rendering the Markdown), bars without a value
   * (no incident to take a median of) are written as a negative value below the axis, which draws
   * no bar at all; counts of 0 stay 0.
   */
  readonly emptyBarsBelowAxis: boolean;
  /**
   * Write bar and slice colours into the chart (`themeVariables`): for code hosts, whose default
   * palettes start with a near-white bar (light) and near-black slices (dark). Hosts that set the
   * theme themselves leave this off.
   */
  readonly barColours: boolean;
  /**
   * The host can edit the drawn SVG and removes fractional tick labels of count axes, so a count
   * axis may end at a tight, labelled top (0–3 for a maximum of 3). Without it (code hosts), a
   * count axis spans at least 0–8, the smallest top whose every Mermaid tick is whole.
   */
  readonly hostTrimsTicks?: boolean;
}

/** Blue (p90 bars, counts) and orange (median line): apart for colour-blind readers, visible on light and dark pages. */
export const BAR_COLOURS = ['#4a90d9', '#e07b00'] as const;
/** Pie slices (Tableau 10 and two more): mid tones that stand out on light and dark pages alike. */
export const PIE_COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac', '#86bcb6', '#d4a6c8'] as const;

/** Longer labels are cut (the tables keep the full text): Mermaid neither wraps nor clips them. */
const MAX_LABEL = 32;
/** The drawing's size (Mermaid scales it to the page) and the room the x labels share. */
const WIDTH = 600;
const HEIGHT = 360;
const X_LABEL_ROOM = 480;
/** Mermaid's default labels are 14 px; 16 stays readable when a narrow column scales the chart down. */
const FONT = 16;

/**
 * A double-quoted Mermaid string: Mermaid has no escape for `"` inside one, so it becomes `'`; `%%`
 * starts a comment even inside a string (the rest of an xychart's axis line was lost), so it is split.
 */
export function mermaidString(text: string): string {
  return `"${text.replace(/[\r\n]+/g, ' ').replace(/"/g, "'").replace(/[{}]/g, '').replace(/%(?=%)/g, '% ')}"`;
}

/** A label no longer than MAX_LABEL characters, cut at a word when one ends near the limit. */
export function shortLabel(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= MAX_LABEL) return flat;
  const cut = flat.slice(0, MAX_LABEL - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > MAX_LABEL / 2 ? cut.slice(0, space) : cut}…`;
}

/** Text for `accTitle:`/`accDescr:` lines, which run to the end of the line. */
function accText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[{}]/g, '').replace(/%(?=%)/g, '% ');
}

interface DurationUnit {
  readonly name: 'minutes' | 'hours' | 'days';
  readonly minutes: number;
}

const MINUTES: DurationUnit = { name: 'minutes', minutes: 1 };
const HOURS: DurationUnit = { name: 'hours', minutes: 60 };
const DAYS: DurationUnit = { name: 'days', minutes: 1440 };

/**
 * One unit per chart, from its data: minutes while every bar stays under two hours, days when the
 * typical (median) period takes two days or more, hours otherwise — so the axis reads 0–90 min
 * or 0–24 h rather than 0–1.5 h or 0–1,440 min.
 */
export function durationUnit(p90s: readonly number[], medians: readonly number[]): DurationUnit {
  if (p90s.length === 0 || maxOf(p90s) < 120) return MINUTES;
  const sorted = [...medians].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] >= 2 * 1440 ? DAYS : HOURS;
}

/** Minutes in the chart's unit: whole minutes; hours and days to one decimal (two below 1, so no bar rounds to 0). */
function inUnit(minutes: number, unit: DurationUnit): number {
  const v = minutes / unit.minutes;
  if (unit === MINUTES) return Math.max(1, Math.round(v));
  return v < 1 ? Math.max(0.01, Math.round(v * 100) / 100) : Math.round(v * 10) / 10;
}

/** Upright x labels while they fit side by side (about 9 px a character at 16 px), turned otherwise. */
function labelsFit(categories: readonly string[]): boolean {
  const longest = maxOf(categories.map((c) => c.length), 0);
  return categories.length * (longest * 9 + 12) <= X_LABEL_ROOM;
}

function frontMatter(categories: readonly string[], legend: boolean, options: ChartOptions): string[] {
  return [
    '---',
    'config:',
    '  xyChart:',
    `    width: ${WIDTH}`,
    `    height: ${HEIGHT}`,
    `    showLegend: ${legend}`,
    ...(legend ? [`    legendFontSize: ${FONT}`] : []),
    '    xAxis:',
    `      labelFontSize: ${FONT}`,
    ...(labelsFit(categories) ? [] : ['      labelRotation: -45']),
    '    yAxis:',
    `      labelFontSize: ${FONT}`,
    `      titleFontSize: ${FONT}`,
    ...(options.barColours ? ['  themeVariables:', '    xyChart:', `      plotColorPalette: "${BAR_COLOURS.join(', ')}"`] : []),
    '---',
  ];
}

/**
 * A count of 0 is data and is written as 0 (the source stays true for whoever reads it in review);
 * a period with no value at all (no incident to take a median of) goes below the axis.
 */
function series(values: readonly (number | null)[], top: number, options: ChartOptions): string {
  return `[${values.map((v) => (v === null ? (options.emptyBarsBelowAxis ? -top : 0) : v)).join(', ')}]`;
}

/**
 * A line's values with its gaps bridged: Mermaid's line must have a value per category, and one at
 * 0 (or below the axis) would read as "resolved instantly". Between two values the line runs
 * straight (a linear in-between); before the first and after the last it stays level. Hosts that
 * can edit the SVG cut the line at those periods after drawing.
 */
export function bridgedLine(values: readonly (number | null)[]): number[] {
  const known = values.flatMap((v, i) => (v === null ? [] : [i]));
  if (known.length === 0) return values.map(() => 0);
  return values.map((v, i) => {
    if (v !== null) return v;
    const before = known.filter((k) => k < i).at(-1);
    const after = known.find((k) => k > i);
    if (before === undefined) return values[after!]!;
    if (after === undefined) return values[before]!;
    const a = values[before]!;
    const b = values[after]!;
    return Number((a + ((b - a) * (i - before)) / (after - before)).toPrecision(3));
  });
}

function emptyIndices(values: readonly (number | null)[]): number[] {
  return values.flatMap((v, i) => (v === null || v === 0 ? [i] : []));
}

function xychart(o: {
  title: string; categories: readonly string[]; yTitle: string; top: number; legend: boolean; options: ChartOptions;
  bars: readonly { name: string; values: readonly (number | null)[] }[]; line?: { name: string; values: readonly (number | null)[] };
  description: string;
}): string {
  const emptyNote = o.options.emptyBarsBelowAxis && o.bars.some((b) => b.values.includes(null))
    ? [`  %% Periods without a value are written as ${-o.top} (below the axis): Mermaid would draw 0 as a sliver.`] : [];
  if (emptyNote.length && o.line?.values.includes(null)) emptyNote.push(`  %% The ${o.line.name} line runs straight across them (a line cannot have gaps).`);
  return [
    ...frontMatter(o.categories.map(shortLabel), o.legend, o.options),
    'xychart-beta',
    ...(o.options.inChartTitle ? [`  title ${mermaidString(o.title)}`] : []),
    `  accTitle: ${accText(o.title)}`,
    `  accDescr: ${accText(o.description)}`,
    ...emptyNote,
    `  x-axis [${o.categories.map((c) => mermaidString(shortLabel(c))).join(', ')}]`,
    `  y-axis ${mermaidString(o.yTitle)} 0 --> ${o.top}`,
    ...o.bars.map((b) => `  bar ${mermaidString(b.name)} ${series(b.values, o.top, o.options)}`),
    ...(o.line ? [`  line ${mermaidString(o.line.name)} [${bridgedLine(o.line.values).join(', ')}]`] : []),
  ].join('\n');
}

/** Incidents per period: whole-number ticks, nothing drawn for a period without incidents. */
export function incidentCountChart(m: MetricsResult, options: ChartOptions): ChartSource {
  const c = chartPeriods(m);
  const perPeriod = valuesByChartPeriod(c, m.incidents, () => true);
  const counts = c.periods.map((p) => perPeriod.get(p)?.length ?? 0);
  const title = `Incidents per ${c.by}${combinedNote(c)}`;
  const max = counts.reduce((a, b) => Math.max(a, b), 0);
  const top = options.hostTrimsTicks ? axisTop(max, false) : axisTop(max, true);
  const description = c.periods.map((p, i) => `${p}: ${counts[i]}`).join(', ');
  return {
    id: 'incidents',
    title,
    emptyBars: emptyIndices(counts),
    description,
    wholeNumbers: options.hostTrimsTicks === true,
    source: xychart({
      title, categories: c.periods, yTitle: 'incidents', top, legend: false, options,
      bars: [{ name: 'incidents', values: counts }],
      description,
    }),
  };
}

/**
 * A duration's trend: per period a p90 bar, and the median as a line over the bars (the median is
 * never above the p90; a median bar drawn over the p90 bar hid the p90 wherever they are equal,
 * as with a single incident). In the unit that suits the data; periods without an incident draw no
 * bar rather than a 0 that reads as "resolved instantly".
 */
export function durationTrendChart(d: DurationMetric, m: Pick<MetricsResult, 'by' | 'periods' | 'incidents'>, options: ChartOptions): ChartSource {
  const c = chartPeriods(m);
  // Combined periods: their medians and p90s come from the incidents' own durations, not from the per-period stats.
  const durations = c.combined ? valuesByChartPeriod(c, m.incidents, (i) => i.durations[d.id]) : undefined;
  const trend = durations ? c.periods.map((period) => ({ period, ...summarise(durations.get(period) ?? []) })) : d.trend;
  const by = c.by;
  const p90s = trend.map((t) => t.p90);
  const medians = trend.map((t) => t.median);
  const unit = durationUnit(p90s.filter((v): v is number => v !== null), medians.filter((v): v is number => v !== null));
  const scaled = (values: readonly (number | null)[]) => values.map((v) => (v === null ? null : inUnit(v, unit)));
  const p90 = { name: 'p90', values: scaled(p90s) };
  const median = { name: 'median', values: scaled(medians) };
  const top = axisTop(maxOf(p90.values.map((v) => v ?? 0), 0), false);
  const title = `${d.label} per ${by}, ${unit.name}${combinedNote(c)}`;
  const description = trend.map((t, i) => `${t.period}: ${t.count ? `median ${median.values[i]}, p90 ${p90.values[i]} ${unit.name}` : 'no incident'}`).join('; ');
  return {
    id: `trend-${d.id}`,
    title,
    emptyBars: emptyIndices(p90.values),
    description,
    wholeNumbers: false,
    source: xychart({
      title, categories: trend.map((t) => t.period), yTitle: unit.name, top, legend: true, options, bars: [p90], line: median,
      description,
    }),
  };
}

/** What the root-cause bars count, in a sentence: "1 incident has a category (it may have several)." */
export function rootCauseNote(m: MetricsResult): string {
  const categorised = m.incidents.filter((i) => i.rootCauseCategories.length > 0).length;
  const several = m.rootCauses.reduce((sum, c) => sum + c.incidents, 0) > categorised;
  const has = categorised === 1 ? 'has' : 'have';
  return `${plural(categorised, 'incident')} of ${m.incidentCount} ${has} a root-cause category${several ? `; an incident may have several, so the bars add up to more than ${categorised}` : ''}.`;
}

/**
 * Incidents per root-cause category, as bars of counts. Not a pie: categories overlap (one incident's
 * fishbone names People, Process, Technology and Environment), and four 25 % slices read as four
 * incidents split evenly (trial U5). The caption says how many incidents have a category at all.
 */
export function rootCauseChart(m: MetricsResult, options: ChartOptions): ChartSource {
  const title = 'Incidents per root-cause category';
  const counts = m.rootCauses.map((c) => c.incidents);
  const max = counts.reduce((a, b) => Math.max(a, b), 0);
  const top = options.hostTrimsTicks ? axisTop(max, false) : axisTop(max, true);
  const description = m.rootCauses.map((c) => `${c.category}: ${plural(c.incidents, 'incident')}`).join(', ');
  return {
    id: 'root-causes',
    title,
    emptyBars: [],
    description,
    wholeNumbers: options.hostTrimsTicks === true,
    source: xychart({
      title, categories: m.rootCauses.map((c) => c.category), yTitle: 'incidents', top, legend: false, options,
      bars: [{ name: 'incidents', values: counts }],
      description,
    }),
  };
}

/** The MTTR trends charted (the other durations are in the tables). */
export const CHARTED_DURATIONS: readonly DurationMetric['id'][] = ['timeToResolveFromDetection', 'timeToResolveFromStart'];

/** Every chart of a metrics result; none when the window holds no incident (a message says so instead). */
export function metricsCharts(m: MetricsResult, options: ChartOptions): ChartSource[] {
  if (m.incidentCount === 0) return [];
  const charts: ChartSource[] = [];
  if (m.periods.length) {
    charts.push(incidentCountChart(m, options));
    for (const d of m.durations) if (CHARTED_DURATIONS.includes(d.id) && d.overall.count > 0) charts.push(durationTrendChart(d, m, options));
  }
  if (m.rootCauses.length) charts.push(rootCauseChart(m, options));
  return charts;
}
