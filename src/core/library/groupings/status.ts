import { REVIEW_STATUSES } from '../../lint/reviewStatus';
import type { LibraryGrouping } from './grouping';

/** The life of a review: drafts (work to do) first, then in review, then published. */
const ORDER: readonly string[] = REVIEW_STATUSES;

export const byStatus: LibraryGrouping = {
  id: 'status',
  label: 'Status',
  icon: 'pass',
  keysOf: (entry) => {
    const status = entry.summary.status?.trim();
    return status ? [{ key: status.toLowerCase(), label: status.toLowerCase() }] : [];
  },
  none: { key: '', label: 'No status' },
  compare: (a, b) => rank(a.key) - rank(b.key) || a.label.localeCompare(b.label),
};

function rank(key: string): number {
  const i = ORDER.indexOf(key);
  return i < 0 ? ORDER.length : i;
}
