import type { LibraryGrouping } from './grouping';

/** The year the incident started (in the document's zone), newest first. */
export const byYear: LibraryGrouping = {
  id: 'year',
  label: 'Year',
  icon: 'calendar',
  keysOf: (entry) => (entry.date ? [{ key: entry.date.slice(0, 4), label: entry.date.slice(0, 4) }] : []),
  none: { key: '', label: 'No start date' },
  compare: (a, b) => b.key.localeCompare(a.key),
};
