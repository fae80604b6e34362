/** The review statuses the format knows, in the order a review goes through them. */
export const REVIEW_STATUSES = ['draft', 'in-review', 'published'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/**
 * The status a post-mortem is checked at: its `status:` when the format knows it, else `draft` (a
 * missing or unknown status is linted as a draft: the rules that wait for in-review stay relaxed).
 * The one definition of "a draft" for the lint engine and the review criteria.
 */
export function lintedStatus(status: unknown): ReviewStatus {
  return (REVIEW_STATUSES as readonly unknown[]).includes(status) ? (status as ReviewStatus) : 'draft';
}
