import type { MetricsSource, PostmortemSummary } from '../../core/api';

/**
 * The dashboard's sources from the summaries the index holds: each with its label and its own
 * folder's `reviewDeadlineHours`, so that in a multi-root workspace a review is measured against
 * the deadline the status bar and `review/overdue` give that file, not the first folder's for all
 * (trial19a F1). Sorted by uri: the same order every time, whatever order the index was filled in.
 * No `vscode` here: the adapter's choice is unit-tested with two configurations.
 */
export function metricsSources(
  entries: Iterable<readonly [string, PostmortemSummary]>,
  labelOf: (uri: string) => string,
  deadlineOf: (uri: string) => number,
): MetricsSource[] {
  const sources: MetricsSource[] = [];
  for (const [uri, summary] of entries) sources.push({ uri, label: labelOf(uri), summary, reviewDeadlineHours: deadlineOf(uri) });
  return sources.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
}
