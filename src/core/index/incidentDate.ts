import { formatLocalDate } from '../time/zones';
import type { Milestones } from './summary';

/**
 * When an incident is dated — its period in the metrics, its date and order in `postmortem list`
 * and the library view: `started_at`, else `detected_at`, else `mitigated_at`, else `resolved_at` (trial 9 T11: the
 * metrics fell back to `resolved_at` while the list showed no date for the same file). One rule for
 * every view, so a post-mortem sits in the same month everywhere.
 */
export function incidentStart(m: Milestones): number | undefined {
  return m.started ?? m.detected ?? m.mitigated ?? m.resolved;
}

/** The front-matter key `incidentStart` took its time from, so a view can say "dated by detected_at". */
export function incidentDatedBy(m: Milestones): 'started_at' | 'detected_at' | 'mitigated_at' | 'resolved_at' | undefined {
  if (m.started !== undefined) return 'started_at';
  if (m.detected !== undefined) return 'detected_at';
  if (m.mitigated !== undefined) return 'mitigated_at';
  return m.resolved !== undefined ? 'resolved_at' : undefined;
}

/**
 * The day an incident is listed on, `YYYY-MM-DD`: `incidentStart` on the calendar of its own
 * `timezone:` (as its author reads it; the file name and a `PM-YYYYMMDD-…` id carry the same day).
 * The Post-mortems view, `postmortem list` and the metrics dashboard all show this day (trial12 T3:
 * the dashboard's table showed the UTC day, a day off for an evening incident in São Paulo).
 */
export function incidentDay(m: Milestones, zone: string): string | undefined {
  const start = incidentStart(m);
  return start === undefined ? undefined : formatLocalDate(start, zone);
}
