import { isYamlBroken } from '../../document/frontMatter';
import type { Rule } from '../../lint/rule';
import { formatDurationMs } from '../../time/duration';
import { parseInstant } from '../../time/instant';
import { formatIsoUtc } from '../../time/zones';
import { frontMatterRange } from './frontMatterAnchor';

/**
 * Reviews lose their value when they drag on: a post-mortem should be published within
 * `reviewDeadlineHours` (48 by default) of `resolved_at`. Points at the `status` value.
 */
export const reviewOverdue: Rule = {
  code: 'review/overdue',
  defaultSeverity: 'warning',
  description: 'A post-mortem is published within `reviewDeadlineHours` (default 48) of `resolved_at`.',
  check(ctx) {
    // Broken YAML gives unreliable values: yaml/syntax speaks first.
    if (ctx.status === 'published' || isYamlBroken(ctx.doc.frontMatter)) return;
    const resolved = parseInstant(ctx.doc.meta.resolved_at, ctx.doc.timezone);
    if (!resolved) return;
    const deadline = resolved.ms + ctx.config.reviewDeadlineHours * 3_600_000;
    const late = ctx.now.getTime() - deadline;
    if (late <= 0) return;
    ctx.report({
      range: frontMatterRange(ctx.doc, ['status']),
      message: `Expected the post-mortem to be published within ${ctx.config.reviewDeadlineHours} hours of resolved_at (by ${formatIsoUtc(deadline)}); it is ${formatDurationMs(late)} overdue (status is still ${JSON.stringify(ctx.doc.meta.status ?? ctx.status)})`,
    });
  },
};
