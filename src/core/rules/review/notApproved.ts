import { isYamlBroken } from '../../document/frontMatter';
import type { Rule } from '../../lint/rule';
import { readReviewState } from '../../review/approvals';
import { frontMatterRange } from './frontMatterAnchor';

/**
 * "No postmortem left unreviewed" (SRE book): a post-mortem marked `published` carries at least
 * `requiredApprovals` (default 1) approvals in its front matter, each a reviewer's latest verdict.
 * Points at the `status` value. No fix: an approval is a person's decision (the *Approve* command
 * records one for the current user).
 */
export const reviewNotApproved: Rule = {
  code: 'review/not-approved',
  defaultSeverity: 'warning',
  description: 'A `published` post-mortem has at least `requiredApprovals` (default 1) approvals under `approvals:` (the reviewer\'s latest verdict counts).',
  check(ctx) {
    if (ctx.status !== 'published' || isYamlBroken(ctx.doc.frontMatter)) return;
    const required = ctx.config.requiredApprovals;
    if (required <= 0) return;
    const state = readReviewState(ctx.doc.meta);
    if (state.approvedBy.length >= required) return;
    const found = state.approvedBy.length === 0 ? 'found none' : `found ${state.approvedBy.length} (${state.approvedBy.map((b) => `@${b}`).join(', ')})`;
    const changes = state.changesRequestedBy.length ? `; changes requested by ${state.changesRequestedBy.map((b) => `@${b}`).join(', ')}` : '';
    ctx.report({
      range: frontMatterRange(ctx.doc, ['status']),
      message: `Expected at least ${required} approval${required === 1 ? '' : 's'} under \`approvals:\` before publishing; ${found}${changes}`,
    });
  },
};
