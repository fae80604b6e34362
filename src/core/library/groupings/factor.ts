import { listKeys, type LibraryGrouping } from './grouping';

/** Under every contributing factor of `factors:` (what keeps causing incidents). */
export const byFactor: LibraryGrouping = {
  id: 'factor',
  label: 'Contributing factor',
  icon: 'symbol-class',
  keysOf: (entry) => listKeys(entry.summary.factors),
  none: { key: '', label: 'No factors' },
};
