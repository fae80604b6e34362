import { isFaultTreePlaceholder } from '../../template/placeholders';
import type { FaultTree } from './model';

export interface FaultTreePlaceholder {
  readonly nodeId: string;
  readonly message: string;
}

/**
 * One note per node whose label is still the template's or the editor's ("Top event (what failed)",
 * "First cause", "Second cause" …): a to-do, not a finding. Before, lint said nothing and the
 * analysis named "Second cause" a single point of failure (trial14b F5).
 */
export function faultTreePlaceholders(tree: FaultTree): FaultTreePlaceholder[] {
  const out: FaultTreePlaceholder[] = [];
  tree.nodes.forEach((node, i) => {
    if (!isFaultTreePlaceholder(node.label)) return;
    const what = i === 0 ? 'the top event (what failed)' : node.type === 'gate' ? 'what this gate stands for' : 'a cause';
    out.push({ nodeId: node.id, message: `Expected ${what}, found the template's "${node.label.trim()}" (${node.id}): rename it or delete it; the analysis of a tree with placeholders is about the template, not the incident` });
  });
  return out;
}
