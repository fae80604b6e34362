/**
 * `record[key]` when `key` is the record's own: a lookup table keyed by user text (`kind:constructor`,
 * "All times __proto__") otherwise answers with Object.prototype's members.
 */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
