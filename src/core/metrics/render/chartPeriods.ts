import type { MetricsResult } from '../types';

/** More categories than this cannot be labelled side by side in a chart (125 months drew a grey smear, trial U13). */
export const MAX_CHART_PERIODS = 24;

export type ChartGranularity = 'month' | 'quarter' | 'year';

/** The periods a chart draws: the result's own, or coarser ones when there are too many to label. */
export interface ChartPeriods {
  readonly by: ChartGranularity;
  /** Oldest first, every period of the range (empty ones too). */
  readonly periods: readonly string[];
  /** The chart period holding one of the result's periods. */
  readonly of: (period: string) => string;
  /** Set when coarser than the result: how many of its periods were combined, for the caption. */
  readonly combined?: { readonly count: number; readonly by: MetricsResult['by'] };
}

/** `2026-03` → `2026-Q1` (quarter) or `2026` (year); `2026-Q1` → `2026`. */
function coarser(period: string, to: 'quarter' | 'year'): string {
  const year = period.slice(0, 4);
  if (to === 'year') return year;
  const month = Number(period.slice(5, 7));
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

function distinct(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    if (seen.has(v)) continue;
    seen.add(v);
    out.push(v);
  }
  return out;
}

/**
 * Up to MAX_CHART_PERIODS periods are charted as they are; a longer range by quarter (when that is
 * few enough), else by year. The tables keep the result's own periods.
 */
export function chartPeriods(m: Pick<MetricsResult, 'by' | 'periods'>): ChartPeriods {
  if (m.periods.length <= MAX_CHART_PERIODS) return { by: m.by, periods: m.periods, of: (p) => p };
  const combined = { count: m.periods.length, by: m.by };
  if (m.by === 'month') {
    const quarters = distinct(m.periods.map((p) => coarser(p, 'quarter')));
    if (quarters.length <= MAX_CHART_PERIODS) return { by: 'quarter', periods: quarters, of: (p) => coarser(p, 'quarter'), combined };
  }
  return { by: 'year', periods: distinct(m.periods.map((p) => coarser(p, 'year'))), of: (p) => coarser(p, 'year'), combined };
}

/** " (125 months, charted by year)" when periods were combined, else nothing. */
export function combinedNote(c: ChartPeriods): string {
  return c.combined ? ` (${c.combined.count} ${c.combined.by}s, too many to label: charted by ${c.by})` : '';
}

/**
 * The values of the incidents in each chart period, in one pass over the incidents (`valueOf`
 * undefined: the incident gives no value, as an incident without that duration). Charts look
 * their periods up here instead of filtering every incident once per period.
 */
export function valuesByChartPeriod<I extends { readonly period?: string }, T>(c: ChartPeriods, incidents: readonly I[], valueOf: (incident: I) => T | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const incident of incidents) {
    if (incident.period === undefined) continue;
    const value = valueOf(incident);
    if (value === undefined) continue;
    const period = c.of(incident.period);
    const values = out.get(period);
    if (values) values.push(value);
    else out.set(period, [value]);
  }
  return out;
}
