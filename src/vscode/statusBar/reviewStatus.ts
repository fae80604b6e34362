import type { PostmortemSummary } from '../../core/api';

/** What the status bar says about one post-mortem, computed from its summary. */
export interface ReviewStatus {
  readonly severity?: string;
  readonly status?: string;
  /** Review deadline (epoch ms): resolved_at + reviewDeadlineHours; undefined before resolution. */
  readonly deadline?: number;
  readonly published: boolean;
}

export function reviewStatus(summary: Pick<PostmortemSummary, 'severity' | 'status' | 'milestones'>, deadlineHours: number): ReviewStatus {
  const resolved = summary.milestones.resolved;
  return {
    severity: summary.severity,
    status: summary.status,
    deadline: resolved !== undefined ? resolved + deadlineHours * 3_600_000 : undefined,
    published: summary.status === 'published',
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
