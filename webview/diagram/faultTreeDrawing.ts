import { drawnFaultTreeBlock, FAULT_TREE_STYLES, printFaultTree, type FaultTree } from '../../src/core/diagrams';

/** Stroke for single points of failure: red in every theme, wide enough to see in high contrast. */
const SPOF_CLASS_DEF = `classDef pmSpof ${FAULT_TREE_STYLES.ftSpof}`;

/**
 * The text Mermaid draws for a fault tree in the editor: the document's dialect (v2 draws each
 * gate's kind and each event's probability itself), with single points of failure outlined. Only
 * the view gets the outline; the document keeps the portable text. Ids are the program's own.
 * Long labels are drawn cut (core `drawnFaultTreeBlock`, as the read-only panel and the preview
 * draw a block), as the fishbone's are.
 */
export function faultTreeDrawingText(tree: FaultTree, spofs: readonly string[]): string {
  const lines = [drawnFaultTreeBlock(printFaultTree(tree))];
  const known = spofs.filter((id) => /^[A-Za-z][A-Za-z0-9_]*$/.test(id) && tree.nodes.some((n) => n.id === id));
  if (known.length > 0) lines.push(`  ${SPOF_CLASS_DEF}`, `  class ${known.join(',')} pmSpof`);
  return lines.join('\n');
}
