import { authorMatch, isAuthor, readReviewState } from './approvals';

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
  const match = authorMatch(state.authors, by);
  if (match?.kind === 'same') {
    return { counted: false, text: `You (${who}) are an author of this post-mortem (\`authors\`): your approval is recorded but not counted toward the approvals publishing needs (review/not-approved); ${ask}.` };
  }
  if (match) {
    return { counted: false, text: `"${match.author}" in \`authors\` may be you (${who}): your approval is recorded but not counted toward the approvals publishing needs (review/not-approved); if you are someone else, write the author's handle in \`authors\` ("${match.author} (@handle)"); ${ask}.` };
  }
  if (state.reviewers.length && !isAuthor(state.reviewers, by)) {
    return { counted: true, text: `You (${who}) are not one of the requested reviewers (${state.reviewers.map((r) => `@${r}`).join(', ')}); your approval counts.` };
  }
  return undefined;
}

/**
 * What *Request Review* says when an author is among the reviewers asked for (trial14b F8: it wrote
 * `reviewers: [lena, oliver]` for the author oliver without a word, and only Approve said later that
 * his approval would not count). Undefined when no author was asked.
 */
export function authorReviewerNote(meta: Readonly<Record<string, unknown>>, names: readonly string[]): string | undefined {
  const { authors } = readReviewState(meta);
  const asked = names.map((n) => n.trim().replace(/^@/, '')).filter((n) => n && isAuthor(authors, n));
  if (asked.length === 0) return undefined;
  const who = asked.map((n) => `@${n}`).join(', ');
  const one = asked.length === 1;
  return `${who} ${one ? 'is an author' : 'are authors'} of this post-mortem (\`authors\`): ${one ? 'their' : 'an author\'s'} approval is recorded but not counted toward publishing (review/not-approved); ask someone who did not write it too.`;
}

/** The authors, to leave out of the reviewers *Request Review* offers. */
export function authorsOf(meta: Readonly<Record<string, unknown>>): readonly string[] {
  return readReviewState(meta).authors;
}
