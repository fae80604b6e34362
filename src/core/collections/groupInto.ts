/** One group of `groupInto`: a stable key, the label the user sees, its members in input order. */
export interface Group<T> {
  readonly key: string;
  readonly label: string;
  readonly members: T[];
}

/**
 * Puts every item into the groups `keysOf` names (none, one or several: a post-mortem of two
 * services is listed under both), groups in order of first appearance. Shared by the action-items
 * tree and the post-mortem library so both group the same way; each sorts the result its own way.
 */
export function groupInto<T>(items: Iterable<T>, keysOf: (item: T) => readonly { readonly key: string; readonly label: string }[]): Group<T>[] {
  const groups = new Map<string, Group<T>>();
  for (const item of items) {
    for (const { key, label } of keysOf(item)) {
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { key, label, members: [] }));
      group.members.push(item);
    }
  }
  return [...groups.values()];
}
