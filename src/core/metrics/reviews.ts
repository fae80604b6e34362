import { formatIsoUtc } from '../time/zones';
import type { DatedIncident } from './durations';
import { ratio } from './stats';
import type { OverdueReview, ReviewMetrics } from './types';

const HOUR = 3_600_000;

/**
 * Review completion among resolved incidents: published within their deadline of `resolved_at` (the
 * file's own `reviewDeadlineHours` when its source gave one, else `deadlineHours`). A review still
 * unpublished whose deadline has not passed at `now` is pending, not late.
 */
export function reviewMetrics(incidents: readonly DatedIncident[], deadlineHours: number, nowMs: number): ReviewMetrics {
  let resolved = 0;
  let onTime = 0;
  let late = 0;
  let pending = 0;
  let publishedWithoutDate = 0;
  const publishedBeforeResolved: string[] = [];
  const overdueReviews: OverdueReview[] = [];
  const deadlines = new Set<number>();
  for (const { record: r, label } of incidents) {
    if (r.resolved === undefined) continue;
    resolved++;
    const hours = r.reviewDeadlineHours ?? deadlineHours;
    deadlines.add(hours);
    const deadline = r.resolved + hours * HOUR;
    if (r.published !== undefined && r.published < r.resolved) {
      publishedBeforeResolved.push(label);
    } else if (r.published !== undefined) {
      if (r.published <= deadline) onTime++;
      else late++;
    } else if (r.status === 'published') {
      publishedWithoutDate++;
    } else if (nowMs > deadline) {
      overdueReviews.push({
        uri: r.uri, id: label, title: r.title ?? label, resolvedAt: formatIsoUtc(r.resolved), status: r.status, deadlineHours: hours,
        hoursOverdue: Math.round((nowMs - deadline) / HOUR),
        minutesOverdue: Math.floor((nowMs - deadline) / 60_000),
      });
    } else {
      pending++;
    }
  }
  overdueReviews.sort((a, b) => b.minutesOverdue - a.minutesOverdue);
  const overdue = overdueReviews.length;
  // One deadline for all: that one (the files' own when they agree). Several: each named, and said.
  const distinct = [...deadlines].sort((a, b) => a - b);
  return {
    deadlineHours: distinct.length === 1 ? distinct[0]! : deadlineHours,
    ...(distinct.length > 1 ? { deadlinesDiffer: distinct } : {}),
    resolved, onTime, late, overdue, pending, publishedWithoutDate, publishedBeforeResolved,
    completionRate: ratio(onTime, onTime + late + overdue),
    overdueReviews,
  };
}
