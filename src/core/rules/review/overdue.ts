import type { Rule } from '../../lint/rule';
import { parseInstant } from '../../time/instant';
import { formatIsoUtc } from '../../time/zones';
import { frontMatterRange } from './frontMatterAnchor';

/** "3 days 4 hours", "5 hours", "40 minutes": how a person says how late something is. */
export function describeDuration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (days > 0) return hours > 0 ? `${unit(days, 'day')} ${unit(hours, 'hour')}` : unit(days, 'day');
  if (hours > 0) return unit(hours, 'hour');
  return unit(Math.max(1, minutes), 'minute');
}

/**
 * Reviews lose their value when they drag on: a post-mortem should be published within
 * `reviewDeadlineHours` (48 by default) of `resolved_at`. Points at the `status` value.
 */
export const reviewOverdue: Rule = {
  code: 'review/overdue',
  defaultSeverity: 'warning',
  description: 'A post-mortem is published within `reviewDeadlineHours` (default 48) of `resolved_at`.',
  check(ctx) {
    if (ctx.status === 'published') return;
    const resolved = parseInstant(ctx.doc.meta.resolved_at, ctx.doc.timezone);
    if (!resolved) return;
    const deadline = resolved.ms + ctx.config.reviewDeadlineHours * 3_600_000;
    const late = ctx.now.getTime() - deadline;
    if (late <= 0) return;
    ctx.report({
      range: frontMatterRange(ctx.doc, ['status']),
      message: `Expected the post-mortem to be published within ${ctx.config.reviewDeadlineHours} hours of resolved_at (by ${formatIsoUtc(deadline)}); it is ${describeDuration(late)} overdue (status is still ${JSON.stringify(ctx.doc.meta.status ?? ctx.status)})`,
    });
  },
};
