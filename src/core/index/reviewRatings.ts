/** The note that some `review_feedback` ratings were not counted (not whole numbers from 1 to 5): `list`/`metrics` exit 1. */
export const FEEDBACK_UNREAD = 'Feedback not read: ';

/** True for the note that ratings in `review_feedback` were left out because lint rejects them. */
export function isFeedbackUnreadProblem(problem: string): boolean {
  return problem.startsWith(FEEDBACK_UNREAD);
}

/** Items named in a note, at most; the rest are counted. */
const NAMED = 5;

/**
 * The ratings of `review_feedback` the metrics count: one per person (`by`, case and a leading `@`
 * aside), the last one written, as approvals keep each reviewer's latest verdict; anonymous ones
 * each count. Ratings that are not whole numbers from 1 to 5 are not counted, and a note says
 * which (trial13a F28: one person's three 5s were the whole average, and a 0, a 4.5 and a quoted
 * "3" vanished with exit 0). Bounded by the list's length; one pass.
 */
export function readReviewRatings(feedback: unknown): { ratings: number[]; problems: string[] } {
  if (!Array.isArray(feedback)) return { ratings: [], problems: [] };
  const latest = new Map<string, { rating: number; count: number; by: string }>();
  const ratings: number[] = [];
  const bad: string[] = [];
  let badCount = 0;
  feedback.forEach((entry: unknown, i) => {
    const fields = entry && typeof entry === 'object' && !Array.isArray(entry) ? (entry as Record<string, unknown>) : {};
    const rating = fields.rating;
    const by = typeof fields.by === 'string' && fields.by.trim() ? fields.by.trim() : undefined;
    if (!(typeof rating === 'number' && Number.isInteger(rating) && rating >= 1 && rating <= 5)) {
      badCount++;
      if (bad.length < NAMED) bad.push(`item ${i + 1}${by ? ` (${by})` : ''}: ${rating === undefined ? 'no rating' : JSON.stringify(rating)}`);
      return;
    }
    if (by === undefined) {
      ratings.push(rating);
      return;
    }
    const key = by.replace(/^@/, '').toLowerCase();
    const before = latest.get(key);
    latest.set(key, { rating, count: (before?.count ?? 0) + 1, by: before?.by ?? by });
  });
  const problems: string[] = [];
  const repeated: string[] = [];
  for (const { rating, count, by } of latest.values()) {
    ratings.push(rating);
    if (count > 1 && repeated.length < NAMED) repeated.push(`${by} ${count} times`);
  }
  if (badCount > 0) {
    const many = badCount !== 1;
    problems.push(`${FEEDBACK_UNREAD}${badCount} ${many ? 'ratings' : 'rating'} in \`review_feedback\` ${many ? 'are' : 'is'} not a whole number from 1 to 5 (${bad.join('; ')}${badCount > bad.length ? '; …' : ''}), which lint rejects (schema); not counted`);
  }
  if (repeated.length > 0) problems.push(`Feedback: one rating per person is counted, the last one written (rated ${repeated.join(', ')})`);
  return { ratings, problems };
}
