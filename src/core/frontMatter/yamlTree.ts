import { isAlias, isCollection, isPair, isScalar, type Document, type Node as YamlNode, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';

/** A pair whose key is a list, a mapping or an alias: JavaScript data cannot hold it as a key. */
export interface ComplexKey {
  readonly collection: YAMLMap | YAMLSeq;
  readonly pair: Pair;
  readonly key: YamlNode;
}

export interface YamlTree {
  /** Every node in document order (a parent before its children, a key before its value). */
  readonly nodes: readonly YamlNode[];
  /** For each node, the index in `nodes` of the node holding it (-1 at the top). */
  readonly parents: readonly number[];
  /** Pairs with a complex key, outermost only (one inside another is dropped with it). */
  readonly complexKeys: readonly ComplexKey[];
  /** Every alias (`*name`), in document order. */
  readonly aliases: readonly YamlNode[];
  /** Pairs whose key is a plain `<<` (a YAML 1.1 merge key, which YAML 1.2 and these readers do not apply), in document order. */
  readonly mergeKeys: readonly { readonly collection: YAMLMap | YAMLSeq; readonly pair: Pair }[];
}

interface Pending {
  readonly node: unknown;
  readonly parent: number;
  /** The pair is inside a pair already listed in complexKeys. */
  readonly inDropped: boolean;
}

/**
 * The YAML document's nodes in one pass, with an explicit stack: a front matter can nest as deep as
 * the parser allows (hundreds of levels), and the `yaml` package's own `visit` recurses. The walk is
 * linear in the number of nodes, so every later search over `nodes` is bounded by it.
 */
export function walkYaml(doc: Document): YamlTree {
  const nodes: YamlNode[] = [];
  const parents: number[] = [];
  const complexKeys: ComplexKey[] = [];
  const aliases: YamlNode[] = [];
  const mergeKeys: { collection: YAMLMap | YAMLSeq; pair: Pair }[] = [];
  const stack: Pending[] = [{ node: doc.contents, parent: -1, inDropped: false }];
  while (stack.length > 0) {
    const { node, parent, inDropped } = stack.pop()!;
    if (!isScalar(node) && !isAlias(node) && !isCollection(node)) continue;
    const index = nodes.length;
    nodes.push(node);
    parents.push(parent);
    if (isAlias(node)) aliases.push(node);
    if (!isCollection(node)) continue;
    // Pushed last-first so that they come off the stack in document order.
    for (let i = node.items.length - 1; i >= 0; i--) {
      const item: unknown = node.items[i];
      if (!isPair(item)) {
        stack.push({ node: item, parent: index, inDropped });
        continue;
      }
      const complex = item.key !== null && !isScalar(item.key) && (isCollection(item.key) || isAlias(item.key));
      if (complex && !inDropped) complexKeys.push({ collection: node, pair: item, key: item.key as YamlNode });
      if (!inDropped && isScalar(item.key) && item.key.type === 'PLAIN' && item.key.value === '<<') mergeKeys.push({ collection: node, pair: item });
      const dropped = inDropped || complex;
      stack.push({ node: item.value, parent: index, inDropped: dropped });
      stack.push({ node: item.key, parent: index, inDropped: dropped });
    }
  }
  // Found last-first within each collection by the stack order; callers want document order.
  complexKeys.sort((a, b) => (a.key.range?.[0] ?? 0) - (b.key.range?.[0] ?? 0));
  const startOf = (pair: Pair) => (pair.key as YamlNode).range?.[0] ?? 0;
  mergeKeys.sort((a, b) => startOf(a.pair) - startOf(b.pair));
  return { nodes, parents, complexKeys, aliases, mergeKeys };
}

/**
 * Finds, for an offset where the parser stopped, the node meeting `test` that contains it
 * (starts before, ends at or after) and starts latest. YAML nodes nest or are disjoint, so the
 * answer is the latest-starting candidate before the offset or one of its candidate ancestors:
 * a binary search then a walk up, bounded by the nesting depth, instead of a scan of the whole
 * tree per error (the scan made 250 unclosed `{` take seconds).
 */
export class InnermostFinder {
  private readonly candidates: number[] = [];
  /** For each candidate (by position in `candidates`), the position of its nearest candidate ancestor, or -1. */
  private readonly up: number[] = [];

  constructor(private readonly tree: YamlTree, test: (node: YamlNode) => boolean) {
    const slotOf = new Map<number, number>();
    for (let i = 0; i < tree.nodes.length; i++) {
      const node = tree.nodes[i];
      if (!node.range || !test(node)) continue;
      let p = tree.parents[i];
      // Parents come before children, so a candidate parent already has its slot.
      while (p !== -1 && !slotOf.has(p)) p = tree.parents[p];
      slotOf.set(i, this.candidates.length);
      this.up.push(p === -1 ? -1 : slotOf.get(p)!);
      this.candidates.push(i);
    }
  }

  find(offset: number): YamlNode | undefined {
    const start = (slot: number) => this.tree.nodes[this.candidates[slot]].range![0];
    // Document order is start order, so the candidates are sorted by start.
    let lo = 0;
    let hi = this.candidates.length - 1;
    let slot = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (start(mid) < offset) {
        slot = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    for (; slot !== -1; slot = this.up[slot]) {
      const node = this.tree.nodes[this.candidates[slot]];
      if (node.range![1] >= offset) return node;
    }
    return undefined;
  }
}
