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
