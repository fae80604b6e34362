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
export function libraryEntries(summaries: Iterable<readonly [string, PostmortemSummary]>, nowMs: number = Date.now(), writerZone?: string): LibraryEntry[] {
  const entries: LibraryEntry[] = [];
  for (const [uri, summary] of summaries) entries.push(libraryEntry(uri, summary, nowMs, writerZone));
  return entries.sort(compareEntries);
}

/**
 * The library's entries kept up to date one file at a time, for a host that sees the index change
 * file by file (the editor): `sync` compares each summary by identity and recomputes only the rows of
 * files whose summary is new (a row's date needs a zone conversion), drops removed files, and sorts
 * again only when something changed. The same rows, in the same order, as `libraryEntries`.
 */
export class LibraryList {
  /** Each row with the summary it was built from and when (a row whose time has not happened yet holds an adjusted copy). */
  private readonly rows = new Map<string, { readonly source: PostmortemSummary; readonly entry: LibraryEntry; readonly builtAt: number }>();
  private sorted: LibraryEntry[] = [];

  /** `writerZone`: the writer's zone for a file, named in the note on a time after now. */
  sync(summaries: Iterable<readonly [string, PostmortemSummary]>, nowMs: number = Date.now(), writerZone?: (uri: string) => string | undefined): readonly LibraryEntry[] {
    let changed = false;
    const present = new Set<string>();
    for (const [uri, summary] of summaries) {
      present.add(uri);
      const row = this.rows.get(uri);
      // A row built without a time that had not happened yet is built again once a minute has passed
      // (the status bar's tick): by then it may have happened. Not on every sync, which re-sorted the list each time.
      if (row?.source === summary && (row.entry.summary === summary || nowMs - row.builtAt < 60_000)) continue;
      this.rows.set(uri, { source: summary, entry: libraryEntry(uri, summary, nowMs, writerZone?.(uri)), builtAt: nowMs });
      changed = true;
    }
    if (present.size !== this.rows.size) {
      for (const uri of [...this.rows.keys()]) if (!present.has(uri)) this.rows.delete(uri);
      changed = true;
    }
    if (changed) this.sorted = [...this.rows.values()].map((r) => r.entry).sort(compareEntries);
    return this.sorted;
  }
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
