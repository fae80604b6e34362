import { isYamlBroken } from '../../document/frontMatter';
import type { PostmortemDocument } from '../../document/model';
import { approvalTimeMs, readReviewState, type ApprovalEntry, type ApprovalWindow, type ReviewState } from '../../review/approvals';
import { frontMatterTimes } from '../time/frontMatterTimes';

/** The incident's end (its start when the end cannot be read) to now: when an approval can have been given. */
export function approvalWindow(doc: PostmortemDocument, nowMs: number): ApprovalWindow {
  const times = frontMatterTimes(doc);
  const bound = times.get('resolved_at') ?? times.get('started_at');
  return bound ? { notBeforeMs: bound.parsed.ms, notBeforeKey: bound.key, nowMs } : { nowMs };
}

/** The review record as `review/not-approved` reads it: the approvals dated in the window, by someone other than the authors. */
export function reviewStateOf(doc: PostmortemDocument, nowMs: number): ReviewState {
  return readReviewState(doc.meta, approvalWindow(doc, nowMs));
}

/** The requested reviewers (`reviewers:`) whose latest verdict is not a counted approval: whom the author waits for. */
export function waitingReviewers(state: ReviewState): string[] {
  const approved = new Set(state.approvedBy.map((b) => b.toLowerCase()));
  return state.reviewers.filter((r) => !approved.has(r.toLowerCase()));
}

/** One verdict as the status bar's tooltip names it: who, and when (UTC ISO, when `at` can be read). */
export interface VerdictEntry {
  readonly by: string;
  readonly atMs?: number;
}

/**
 * Where the review stands, as plain data (it crosses from the lint thread to the status bar): the
 * same reading of `approvals:` as `review/not-approved`, with the same window and `requiredApprovals`,
 * so the status bar of an in-review post-mortem counts the approvals the lint will count once it is
 * published (one reading, not two).
 */
export interface ReviewProgress {
  /** `requiredApprovals` (0: publishing needs none, review/not-approved is off). */
  readonly required: number;
  /** Counted approvals, in the order given. */
  readonly approved: readonly VerdictEntry[];
  /** Requests for changes still open (each reviewer's latest verdict). */
  readonly changesRequested: readonly VerdictEntry[];
  /** Approvals left out, as the lint's "not counted:" clause says them (`@by's approval <reason>`). */
  readonly uncounted: readonly string[];
  /** Requested reviewers without a counted approval. */
  readonly waitingFor: readonly string[];
  /** How many reviewers `reviewers:` lists. */
  readonly reviewers: number;
}

const entry = (e: ApprovalEntry): VerdictEntry => {
  const atMs = approvalTimeMs(e);
  return atMs === undefined ? { by: e.by } : { by: e.by, atMs };
};

/** The review's progress, read as the lint reads it; undefined when the YAML is broken (yaml/syntax speaks first, as in the rule). */
export function reviewProgress(doc: PostmortemDocument, required: number, nowMs: number): ReviewProgress | undefined {
  if (isYamlBroken(doc.frontMatter)) return undefined;
  const state = reviewStateOf(doc, nowMs);
  return {
    required: Math.max(0, required),
    approved: state.approvals.map(entry),
    changesRequested: state.openRequests.map(entry),
    uncounted: state.uncounted.map((u) => `@${u.entry.by}'s approval ${u.reason}`),
    waitingFor: waitingReviewers(state),
    reviewers: state.reviewers.length,
  };
}
