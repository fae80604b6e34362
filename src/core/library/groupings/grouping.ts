import type { LibraryEntry } from '../entry';

export interface GroupKey {
  readonly key: string;
  readonly label: string;
}

/**
 * One way to group the library. A new grouping is one file in this folder plus one line in
 * registry.ts: the tree's Group By menu, `postmortem list --by` and the tests take the registry.
 */
export interface LibraryGrouping {
  /** Stable id: the CLI's `--by` value and what the editor remembers. */
  readonly id: string;
  readonly label: string;
  /** A codicon name for the editor's pick list. */
  readonly icon: string;
  /** The groups an entry belongs to: several (two services), or none (then it goes to `none`). */
  keysOf(entry: LibraryEntry): readonly GroupKey[];
  /** The group for entries with no key ("No service"). */
  readonly none: GroupKey;
  /** Group order (the `none` group always comes last); by label when not given. */
  compare?(a: GroupKey, b: GroupKey): number;
}

/** Keys from a list of free strings, compared case-insensitively, labelled as first written. */
export function listKeys(values: readonly string[]): GroupKey[] {
  const seen = new Set<string>();
  const keys: GroupKey[] = [];
  for (const value of values) {
    const label = value.trim();
    const key = label.toLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    keys.push({ key, label });
  }
  return keys;
}
