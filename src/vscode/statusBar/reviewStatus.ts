import { isFrontMatterUnreadProblem, isUnreadTimeProblem, summaryAsOf, type PostmortemSummary } from '../../core/api';

/** What the status bar says about one post-mortem, computed from its summary. */
export interface ReviewStatus {
  readonly severity?: string;
  readonly status?: string;
  /** Review deadline (epoch ms): resolved_at + reviewDeadlineHours; undefined before resolution. */
  readonly deadline?: number;
  readonly published: boolean;
  /**
   * Why there is no deadline though the file has a `resolved_at` (or no severity and status though it
   * has a front matter): the front matter was not read, or `resolved_at` is not used (after now, a
   * placeholder, out of order). The summary's problem, word for word, as `postmortem list` prints it.
   */
  readonly notRead?: { readonly short: string; readonly problem: string };
}

/**
 * As of `nowMs`, by the reader of the list and the metrics (summaryAsOf): a `resolved_at` that has
 * not happened yet starts no deadline (trial12 T2: "review due in 2d 1h" from a time 1.5 h ahead).
 */
export function reviewStatus(source: PostmortemSummary, deadlineHours: number, nowMs: number): ReviewStatus {
  const summary = summaryAsOf(source, nowMs);
  const resolved = summary.milestones.resolved;
  const frontMatter = summary.problems.find(isFrontMatterUnreadProblem);
  const resolvedUnread = summary.problems.find((p) => isUnreadTimeProblem(p) && p.includes('`resolved_at`'));
  const notRead = frontMatter ? { short: 'front matter not read', problem: frontMatter } : resolvedUnread ? { short: 'resolved_at not used', problem: resolvedUnread } : undefined;
  return {
    severity: summary.severity,
    status: summary.status,
    deadline: resolved !== undefined ? resolved + deadlineHours * 3_600_000 : undefined,
    published: summary.status === 'published',
    ...(notRead ? { notRead } : {}),
  };
}

/** `5h 12m`, `2d 3h`, `40m`: coarse enough to read at a glance. */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${minutes % 60}m`;
  return `${minutes}m`;
}
