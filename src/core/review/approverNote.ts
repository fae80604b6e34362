import { isAuthor, readReviewState } from './approvals';

/**
 * What the *Approve* command tells the person approving before and after it writes (trial13b F8:
 * the author approved their own post-mortem, the modal said nothing, and the gate passed): an
 * author's approval is recorded but not counted (`review/not-approved`); someone approving who was
 * not among the requested reviewers is told so (their approval counts). Undefined: nothing to say.
 */
export function approverNote(meta: Readonly<Record<string, unknown>>, by: string): { readonly counted: boolean; readonly text: string } | undefined {
  const state = readReviewState(meta);
  const who = `@${by.trim().replace(/^@/, '')}`;
  const others = state.reviewers.filter((r) => !isAuthor([by], r));
  const ask = others.length ? `ask ${others.map((r) => `@${r}`).join(', ')}` : 'ask a reviewer (Request Review…)';
  if (isAuthor(state.authors, by)) {
    return { counted: false, text: `You (${who}) are an author of this post-mortem (\`authors\`): your approval is recorded but not counted toward the approvals publishing needs (review/not-approved); ${ask}.` };
  }
  if (state.reviewers.length && !isAuthor(state.reviewers, by)) {
    return { counted: true, text: `You (${who}) are not one of the requested reviewers (${state.reviewers.map((r) => `@${r}`).join(', ')}); your approval counts.` };
  }
  return undefined;
}
