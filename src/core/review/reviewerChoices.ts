import { readReviewState, isAuthor } from './approvals';
import { authorsOf } from './approverNote';

/** One person *Request Review* offers, and why they are in the list. */
export interface ReviewerChoice {
  readonly handle: string;
  /** Already under `reviewers:` (shown checked). */
  readonly listed: boolean;
  /** Why they are offered, in a few words (the picker's description). */
  readonly why: string;
}

/**
 * Whom *Request Review* offers (trial18b F3: it offered only action-item owners, not the reviewers
 * already listed, so @sam was missing and @lee not checked): the reviewers already listed first
 * (checked), then you (`postmortem.userName`), the workspace's action-item owners and the authors,
 * each once (handles compared without case and `@`). An author is offered but marked: an author's
 * approval does not count (review/not-approved). Typed names are the picker's "Someone else…".
 */
export function reviewerChoices(meta: Readonly<Record<string, unknown>>, owners: readonly string[], userName: string | undefined): ReviewerChoice[] {
  const authors = authorsOf(meta);
  const seen = new Set<string>();
  const out: ReviewerChoice[] = [];
  const offer = (raw: string, listed: boolean, why: string) => {
    const handle = raw.trim().replace(/^@/, '');
    if (!handle || /\s/.test(handle) || seen.has(handle.toLowerCase())) return;
    seen.add(handle.toLowerCase());
    const author = isAuthor(authors, handle);
    out.push({ handle, listed, why: author ? `${why}; an author: their approval does not count` : why });
  };
  for (const r of readReviewState(meta).reviewers) offer(r, true, 'already a reviewer');
  if (userName) offer(userName, false, 'you (postmortem.userName)');
  for (const o of owners) offer(o, false, 'owns action items in this workspace');
  for (const a of authors) offer(a, false, 'author of this post-mortem');
  return out;
}
