import { listInWords } from '../../text/listInWords';
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

/**
 * "within 48 hours of resolution", or, when the files' folders configure different deadlines (a
 * multi-root workspace), "within their own folder's deadline (24 or 240 hours after resolution)":
 * each review was measured against its own, and one number would say another rule (trial19a F1).
 * One phrase for the reports and the dashboard.
 */
export function withinDeadline(v: Pick<ReviewMetrics, 'deadlineHours' | 'deadlinesDiffer'>): string {
  return v.deadlinesDiffer ? `within their own folder's deadline (${listInWords(v.deadlinesDiffer, 'or')} hours after resolution)` : `within ${v.deadlineHours} hours of resolution`;
}

/** What the deadline is: "48 hours after resolution", "each folder's own: 24 or 240 hours after resolution". */
export function deadlineIs(v: Pick<ReviewMetrics, 'deadlineHours' | 'deadlinesDiffer'>): string {
  return v.deadlinesDiffer ? `each folder's own: ${listInWords(v.deadlinesDiffer, 'or')} hours after resolution` : `${v.deadlineHours} hours after resolution`;
}

/** The short form for a heading or a tile: "within 48 h", "within own deadline". */
export function withinDeadlineShort(v: Pick<ReviewMetrics, 'deadlineHours' | 'deadlinesDiffer'>): string {
  return v.deadlinesDiffer ? 'within own deadline' : `within ${v.deadlineHours} h`;
}
