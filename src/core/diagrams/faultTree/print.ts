import { FAULT_TREE_MARKER, FAULT_TREE_MARKER_V1 } from '../blocks';
import { encodeFlowchartLabel } from '../escape';
import { EVENT_SHAPES, type FaultTree, type FtNode } from './model';
import type { WrittenLabels } from './parse';
import { formatProbability, GATE_CLASS_DEFS, GATE_CLASSES, visibleText } from './visible';

export { formatProbability } from './visible';

/** A node's `%% ft:` data line (without indentation). */
export function nodeDataLine(node: FtNode): string {
  if (node.type === 'gate') {
    return `%% ft:gate ${node.id} ${node.gate}${node.gate === 'vote' ? ` k=${node.k ?? 2}` : ''}`;
  }
  let line = `%% ft:event ${node.id} ${node.event}`;
  if (node.event === 'house') line += node.houseState ? ' true' : ' false';
  else if (node.probability !== undefined) line += ` p=${formatProbability(node.probability)}`;
  return line;
}

/** The drawn suffix of a v2 label: a line break, then the kind or probability. */
export function visibleSuffix(node: FtNode): string {
  return `<br/>${encodeFlowchartLabel(visibleText(node))}`;
}

/**
 * A node's declaration: its label (v2: plus the drawn kind or probability), its gate class or event shape.
 * A label the block wrote and the user did not change is written as it was (`written`): a block from
 * before labels were written readably (`p99 #62; 2s`) is not rewritten on lines nobody edited.
 */
export function nodeShapeLine(node: FtNode, version: 1 | 2 = 2, written?: WrittenLabels): string {
  const before = written?.get(node.id);
  const text = before && before.label === node.label ? before.raw : encodeFlowchartLabel(node.label);
  const label = `${node.id}["${text}${version === 2 ? visibleSuffix(node) : ''}"]`;
  if (node.type === 'event') return `${label}@{ shape: ${EVENT_SHAPES[node.event]} }`;
  return version === 2 ? `${label}:::${GATE_CLASSES[node.gate]}` : label;
}

/**
 * Canonical text of the dialect (v2 unless asked for v1): per node a `%% ft:` data line, its drawn
 * declaration (v2: with the gate's kind or the event's probability as the label's last line) and
 * (for a gate with inputs) one edge line; v2 ends with the gate classes' styles. Each fact sits on exactly one line, and nodes keep the order of
 * the model (the text's order; the editor inserts new nodes next to their parent's inputs), so
 * reordering inputs changes one edge line instead of moving whole subtrees. `written` (the parse's)
 * keeps the labels the user did not change byte for byte.
 */
export function printFaultTree(tree: FaultTree, options: { readonly version?: 1 | 2; readonly written?: WrittenLabels } = {}): string {
  const version = options.version ?? 2;
  const out = ['flowchart TB', `  ${version === 2 ? FAULT_TREE_MARKER : FAULT_TREE_MARKER_V1}`];
  for (const node of tree.nodes) {
    out.push(`  ${nodeDataLine(node)}`, `  ${nodeShapeLine(node, version, options.written)}`);
    if (node.type === 'gate' && node.inputs.length > 0) out.push(`  ${node.id} --> ${node.inputs.join(' & ')}`);
  }
  // The gate styles, always all three: changing a gate's kind then changes only that gate's lines.
  if (version === 2) for (const def of GATE_CLASS_DEFS) out.push(`  ${def}`);
  return out.join('\n');
}
