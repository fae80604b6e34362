import { severityRank } from '../severity';
import type { LibraryGrouping } from './grouping';

/** SEV1 first; unreadable severities after the readable ones, alphabetically. */
export const bySeverity: LibraryGrouping = {
  id: 'severity',
  label: 'Severity',
  icon: 'flame',
  keysOf: (entry) => {
    const severity = entry.summary.severity?.trim();
    return severity ? [{ key: severity.toUpperCase(), label: severity.toUpperCase() }] : [];
  },
  none: { key: '', label: 'No severity' },
  compare: (a, b) => severityRank(a.key) - severityRank(b.key) || a.label.localeCompare(b.label),
};
