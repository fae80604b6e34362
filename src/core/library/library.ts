import { groupInto } from '../collections/groupInto';
import type { PostmortemSummary } from '../index/summary';
import { libraryEntry, type LibraryEntry } from './entry';
import { matchesFilter, type LibraryFilter } from './filter';
import type { GroupKey, LibraryGrouping } from './groupings/grouping';

export interface LibraryGroup {
  readonly key: string;
  readonly label: string;
  readonly entries: readonly LibraryEntry[];
}

/** Newest incident first; undated ones after, by label. */
export function compareEntries(a: LibraryEntry, b: LibraryEntry): number {
  if ((a.started === undefined) !== (b.started === undefined)) return a.started === undefined ? 1 : -1;
  if (a.started !== undefined && b.started !== undefined && a.started !== b.started) return b.started - a.started;
  return a.label.localeCompare(b.label) || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0);
}

/** Library entries of the index's summaries, in list order. */
export function libraryEntries(summaries: Iterable<readonly [string, PostmortemSummary]>): LibraryEntry[] {
  const entries: LibraryEntry[] = [];
  for (const [uri, summary] of summaries) entries.push(libraryEntry(uri, summary));
  return entries.sort(compareEntries);
}

/**
 * The library as groups in display order: the entries the filter lets through, each under the
 * groups the grouping names (the grouping's "none" group last), newest incident first in a group.
 */
export function groupLibrary(entries: readonly LibraryEntry[], grouping: LibraryGrouping, filter: LibraryFilter = {}): LibraryGroup[] {
  const shown = entries.filter((e) => matchesFilter(e, filter)).sort(compareEntries);
  const groups = groupInto(shown, (e) => {
    const keys = grouping.keysOf(e);
    return keys.length ? keys : [grouping.none];
  });
  const compare = grouping.compare ?? ((a: GroupKey, b: GroupKey) => a.label.localeCompare(b.label));
  groups.sort((a, b) => {
    const aNone = a.key === grouping.none.key;
    const bNone = b.key === grouping.none.key;
    if (aNone !== bNone) return aNone ? 1 : -1;
    return compare(a, b);
  });
  return groups.map((g) => ({ key: g.key, label: g.label, entries: g.members }));
}
