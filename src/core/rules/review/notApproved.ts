import { isYamlBroken } from '../../document/frontMatter';
import type { Rule } from '../../lint/rule';
import { approvalTimeMs, type ApprovalEntry, type ReviewState } from '../../review/approvals';
import { formatIsoUtc } from '../../time/zones';
import { frontMatterRange } from './frontMatterAnchor';
import { reviewStateOf, waitingReviewers } from './reviewProgress';

/**
 * "No postmortem left unreviewed" (SRE book): a post-mortem marked `published` carries at least
 * `requiredApprovals` (default 1) approvals in its front matter, each a reviewer's latest verdict,
 * dated after the incident ended and not after now (trial13a F4), given by someone other than its
 * authors (trial13b F8: a review is a second pair of eyes), and no reviewer's request for
 * changes is still open (as a pull request's "changes requested" blocks its merge). Points at the
 * `status` value; the message names every approval left out and why. No fix: an approval is a
 * person's decision (the *Approve* command records one for the current user).
 */
export const reviewNotApproved: Rule = {
  code: 'review/not-approved',
  defaultSeverity: 'warning',
  description: 'A `published` post-mortem has at least `requiredApprovals` (default 1) approvals under `approvals:` (the reviewer\'s latest verdict, by someone other than its `authors`, dated between the incident\'s end and now) and no request for changes still open.',
  check(ctx) {
    if (ctx.status !== 'published' || isYamlBroken(ctx.doc.frontMatter)) return;
    const required = ctx.config.requiredApprovals;
    if (required <= 0) return;
    // The same reading the status bar shows for an in-review post-mortem (reviewProgress).
    const state = reviewStateOf(ctx.doc, ctx.now.getTime());
    const short = state.approvedBy.length < required;
    if (!short && state.openRequests.length === 0) return;
    const by = state.approvedBy.map((b) => `@${b}`).join(', ');
    const head = short
      ? `Expected at least ${required} approval${required === 1 ? '' : 's'} under \`approvals:\` before publishing; ${state.approvedBy.length === 0 ? 'found none' : `found ${state.approvedBy.length} (${by})`}`
      : `Expected no request for changes still open under \`approvals:\` before publishing; approved by ${by}`;
    ctx.report({ range: frontMatterRange(ctx.doc, ['status']), message: `${head}${details(state)}${short ? waitingFor(state) : ''}` });
  },
};

/** The open requests (with the approvals they withdrew) and the approvals not counted, as `; …` clauses. */
function details(state: ReviewState): string {
  let out = '';
  if (state.openRequests.length) {
    const requests = state.openRequests.map((r) => {
      const withdrawn = state.withdrawn.find((w) => w.request === r);
      const what = `@${r.by}${when(r)}`;
      return withdrawn ? `${what} (withdrawing their approval${when(withdrawn.approval)})` : what;
    });
    const one = state.openRequests.length === 1;
    out += `; changes requested by ${requests.join(', ')} ${one ? 'is' : 'are'} still open (a later approval by the same reviewer answers ${one ? 'it' : 'them'})`;
  }
  if (state.uncounted.length) out += `; not counted: ${state.uncounted.map((u) => `@${u.entry.by}'s approval ${u.reason}`).join('; ')}`;
  return out;
}

/** The requested reviewers (`reviewers:`) who have not approved, when there are any: whom the author waits for. */
function waitingFor(state: ReviewState): string {
  const waiting = waitingReviewers(state);
  return waiting.length ? `; no approval yet from the requested reviewer${waiting.length === 1 ? '' : 's'} ${waiting.map((r) => `@${r}`).join(', ')}` : '';
}

const when = (e: ApprovalEntry): string => {
  const ms = approvalTimeMs(e);
  return ms === undefined ? '' : ` at ${formatIsoUtc(ms)}`;
};
