import { isMap, isScalar, YAMLParseError, type Document } from 'yaml';
import type { YamlTree } from './yamlTree';

/**
 * Adds the `yaml` package's "Map keys must be unique" errors in one pass. Its own check (option
 * `uniqueKeys`) compares each key with every earlier key of the mapping: 20,000 keys took seconds.
 * Same equality as the package's: the same node, or two scalars with the same value.
 */
export function addDuplicateKeyErrors(doc: Document.Parsed, tree: YamlTree): void {
  for (const node of tree.nodes) {
    if (!isMap(node)) continue;
    const seen = new Set<unknown>();
    for (const pair of node.items) {
      const key = pair.key;
      if (!isScalar(key)) continue;
      // NaN is never equal to itself for the package; a Set would call two `.nan` keys the same.
      if (typeof key.value === 'number' && Number.isNaN(key.value)) continue;
      if (seen.has(key.value)) {
        const at = key.range?.[0] ?? 0;
        // The key named: which of the two values is meant is the writer's to say (trial12 T1).
        doc.errors.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', `Map keys must be unique: ${keyName(key.value)} is set more than once`));
      } else seen.add(key.value);
    }
  }
}

/** A key for a message: quoted, one line, cut at 40 characters (a key is user text of any length). */
function keyName(value: unknown): string {
  const text = String(value).replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return `\`${text.length > 40 ? `${text.slice(0, 40)}…` : text}\``;
}
