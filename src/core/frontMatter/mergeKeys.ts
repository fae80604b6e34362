import { isAlias, isMap, isScalar, isSeq, type Document, type Node as YamlNode, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';

/** Keys named in a message, at most. */
const NAMED_KEYS = 6;

/** A `<<` merge key as the readers report it: where it is and which keys it would have brought. */
export interface MergeKeyProblem {
  readonly message: string;
  /** Offsets in the YAML content: the `<<` key through its value. */
  readonly start: number;
  readonly end: number;
  readonly kind: 'merge-key';
  /** The keys of the mapping(s) it names (`*base` → started_at, resolved_at), as written, less those written beside it. */
  readonly keys: readonly string[];
}

/**
 * A `<<: *base` merge key (YAML 1.1; YAML 1.2, which the front matter is read as, has none, and
 * GitHub's renderer, the `yaml` package and these readers take `<<` as a plain key): its keys are
 * not read into the front matter. Said as a problem naming them, never applied by one reader and not
 * another (trial13a F17: every command ignored it without a word).
 */
export function mergeKeyProblem(doc: Document, collection: YAMLMap | YAMLSeq, pair: Pair): MergeKeyProblem {
  const key = pair.key as YamlNode;
  const start = key.range?.[0] ?? 0;
  const end = Math.max(start + 2, (pair.value as YamlNode | null)?.range?.[1] ?? start + 2);
  // A key written beside the merge key is set by that line (a merge never overrides it): not named.
  const beside = new Set<string>();
  if (isMap(collection)) for (const item of collection.items) if (isScalar(item.key)) beside.add(String(item.key.value));
  const keys = mergedKeys(doc, pair.value).filter((k) => !beside.has(k));
  const named = keys.length === 0 ? '' : ` (${keys.slice(0, NAMED_KEYS).join(', ')}${keys.length > NAMED_KEYS ? ', …' : ''})`;
  return {
    message: `the YAML merge key \`<<\` is not read (YAML 1.2 has no merge keys), so the keys it names${named} are not set: write them here instead`,
    start, end, kind: 'merge-key', keys,
  };
}

/** The keys of the mapping a merge key names: an alias of a mapping, a mapping, or a list of them (one level, no recursion). */
function mergedKeys(doc: Document, value: unknown): string[] {
  const sources = isSeq(value) ? value.items : [value];
  const keys = new Set<string>();
  for (const source of sources) {
    const target = isAlias(source) ? source.resolve(doc) : source;
    if (!isMap(target)) continue;
    for (const item of target.items) if (isScalar(item.key)) keys.add(String(item.key.value));
  }
  return [...keys];
}
