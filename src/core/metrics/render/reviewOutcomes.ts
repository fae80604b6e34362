import type { ReviewMetrics } from '../types';

type Counts = Pick<ReviewMetrics, 'onTime' | 'late' | 'overdue' | 'pending'>;

/** Reviews whose deadline has passed: on time, late or still unpublished (overdue). The rate's denominator. */
export function reviewsDue(v: Counts): number {
  return v.onTime + v.late + v.overdue;
}

/**
 * "2 late, 4 overdue, 1 not yet due": how the due reviews that were not on time, and those not due
 * yet, split. One function for `postmortem metrics` (text and Markdown), the dashboard's section and
 * its reviews tile, so the tile never leaves out a count the CLI says (trial14b F8: the tile read
 * "8 of 14, 4 overdue" without the 2 late ones, so 8 + 4 ≠ 14). `nonZero` drops the counts that are
 * 0 (a tile's short line); the reports say every count.
 */
export function reviewOutcomeCounts(v: Counts, { nonZero = false }: { nonZero?: boolean } = {}): string {
  const counts: [number, string][] = [[v.late, 'late'], [v.overdue, 'overdue'], [v.pending, 'not yet due']];
  return counts.filter(([n]) => !nonZero || n > 0).map(([n, what]) => `${n} ${what}`).join(', ');
}
