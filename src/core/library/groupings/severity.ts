import { readSeverity, severityRank } from '../severity';
import type { LibraryGrouping } from './grouping';

/** SEV1 first; unreadable severities after the readable ones, alphabetically. */
export const bySeverity: LibraryGrouping = {
  id: 'severity',
  label: 'Severity',
  icon: 'flame',
  keysOf: (entry) => {
    // SEV1–SEV4 however spelt are one group each; anything else is its own group, as written (readSeverity).
    const severity = entry.summary.severity?.trim();
    if (!severity) return [];
    const { key } = readSeverity(severity);
    return [{ key, label: key }];
  },
  none: { key: '', label: 'No severity' },
  compare: (a, b) => severityRank(a.key) - severityRank(b.key) || a.label.localeCompare(b.label),
};
