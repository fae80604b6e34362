import { FAULT_TREE_MARKER } from '../blocks';
import { encodeFlowchartLabel } from '../escape';
import { EVENT_SHAPES, nodeMap, type FaultTree, type FtNode } from './model';

/** Shortest text that reads back as the same number (1e-3 stays `0.001`, not `1.0000e-3`). */
export function formatProbability(p: number): string {
  return String(p);
}

export function nodeDataLine(node: FtNode): string {
  if (node.type === 'gate') {
    return `%% ft:gate ${node.id} ${node.gate}${node.gate === 'vote' ? ` k=${node.k ?? 2}` : ''}`;
  }
  let line = `%% ft:event ${node.id} ${node.event}`;
  if (node.event === 'house') line += node.houseState ? ' true' : ' false';
  else if (node.probability !== undefined) line += ` p=${formatProbability(node.probability)}`;
  return line;
}

export function nodeShapeLine(node: FtNode): string {
  const label = `${node.id}["${encodeFlowchartLabel(node.label)}"]`;
  return node.type === 'gate' ? label : `${label}@{ shape: ${EVENT_SHAPES[node.event]} }`;
}

/** Print order: depth-first from the top event (a shared node where first reached), then the rest. */
export function printOrder(tree: FaultTree): FtNode[] {
  const byId = nodeMap(tree);
  const seen = new Set<string>();
  const order: FtNode[] = [];
  const visit = (id: string): void => {
    const node = byId.get(id);
    if (!node || seen.has(id)) return;
    seen.add(id);
    order.push(node);
    if (node.type === 'gate') node.inputs.forEach(visit);
  };
  if (tree.nodes.length > 0) visit(tree.nodes[0].id);
  for (const n of tree.nodes) visit(n.id);
  return order;
}

/**
 * Canonical text of the dialect: per node a `%% ft:` data line, its drawn declaration and (for a
 * gate with inputs) one edge line. Each fact sits on exactly one line, so an edit changes few lines.
 */
export function printFaultTree(tree: FaultTree): string {
  const out = ['flowchart TB', `  ${FAULT_TREE_MARKER}`];
  for (const node of printOrder(tree)) {
    out.push(`  ${nodeDataLine(node)}`, `  ${nodeShapeLine(node)}`);
    if (node.type === 'gate' && node.inputs.length > 0) out.push(`  ${node.id} --> ${node.inputs.join(' & ')}`);
  }
  return out.join('\n');
}
