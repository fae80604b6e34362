import type { Stats } from './types';

/**
 * Percentile by linear interpolation between closest ranks (the "type 7" definition used by
 * numpy and spreadsheets): p90 of [10, 20] is 19. `sorted` must be ascending and non-empty.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 1) return sorted[0];
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

/** Rounded to 0.1 so JSON and reports stay readable; the inputs are whole minutes anyway. */
function round(n: number): number {
  return Math.round(n * 10) / 10;
}

export function summarise(values: readonly number[]): Stats {
  if (values.length === 0) return { count: 0, median: null, p90: null, mean: null };
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((s, v) => s + v, 0) / sorted.length;
  return { count: sorted.length, median: round(percentile(sorted, 50)), p90: round(percentile(sorted, 90)), mean: round(mean) };
}

export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;
}
