import { printFaultTree, type FaultTree } from '../../src/core/diagrams';
import { badgeOf } from './faultTreeOutline';

/** Stroke for single points of failure: red in every theme, wide enough to see in high contrast. */
const SPOF_CLASS_DEF = 'classDef pmSpof stroke:#e51400,stroke-width:4px,color:#e51400';

/**
 * The text Mermaid draws for a fault tree in the editor: the document's dialect with each gate's
 * kind as a second label line, and single points of failure outlined. Only the view gets this;
 * the document keeps the plain, portable text. Ids are the program's own (never user text).
 */
export function faultTreeDrawingText(tree: FaultTree, spofs: readonly string[]): string {
  const decorated: FaultTree = {
    nodes: tree.nodes.map((n) => (n.type === 'gate' ? { ...n, label: `${n.label}\n${badgeOf(n)}` } : n)),
  };
  const lines = [printFaultTree(decorated)];
  const known = spofs.filter((id) => /^[A-Za-z][A-Za-z0-9_]*$/.test(id) && tree.nodes.some((n) => n.id === id));
  if (known.length > 0) lines.push(`  ${SPOF_CLASS_DEF}`, `  class ${known.join(',')} pmSpof`);
  return lines.join('\n');
}
