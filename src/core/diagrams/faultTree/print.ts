import { FAULT_TREE_MARKER } from '../blocks';
import { encodeFlowchartLabel } from '../escape';
import { EVENT_SHAPES, type FaultTree, type FtNode } from './model';

/** Shortest text that reads back as the same number (1e-3 stays `0.001`, not `1.0000e-3`). */
export function formatProbability(p: number): string {
  return String(p);
}

function nodeDataLine(node: FtNode): string {
  if (node.type === 'gate') {
    return `%% ft:gate ${node.id} ${node.gate}${node.gate === 'vote' ? ` k=${node.k ?? 2}` : ''}`;
  }
  let line = `%% ft:event ${node.id} ${node.event}`;
  if (node.event === 'house') line += node.houseState ? ' true' : ' false';
  else if (node.probability !== undefined) line += ` p=${formatProbability(node.probability)}`;
  return line;
}

function nodeShapeLine(node: FtNode): string {
  const label = `${node.id}["${encodeFlowchartLabel(node.label)}"]`;
  return node.type === 'gate' ? label : `${label}@{ shape: ${EVENT_SHAPES[node.event]} }`;
}

/**
 * Canonical text of the dialect: per node a `%% ft:` data line, its drawn declaration and (for a
 * gate with inputs) one edge line. Each fact sits on exactly one line, and nodes keep the order of
 * the model (the text's order; the editor inserts new nodes next to their parent's inputs), so
 * reordering inputs changes one edge line instead of moving whole subtrees.
 */
export function printFaultTree(tree: FaultTree): string {
  const out = ['flowchart TB', `  ${FAULT_TREE_MARKER}`];
  for (const node of tree.nodes) {
    out.push(`  ${nodeDataLine(node)}`, `  ${nodeShapeLine(node)}`);
    if (node.type === 'gate' && node.inputs.length > 0) out.push(`  ${node.id} --> ${node.inputs.join(' & ')}`);
  }
  return out.join('\n');
}
