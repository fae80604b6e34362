/**
 * Stands in for Mermaid's ELK layout module (1.5 MB) in our bundles. The drawings are pinned to the
 * dagre layout (`layout` is a secure key, so no diagram can ask for ELK), so Mermaid never loads it;
 * if it ever did, the render fails with this message instead of shipping a layout nobody uses.
 */
export function render(): never {
  throw new Error('The ELK layout is not bundled with this extension; diagrams are drawn with the dagre layout.');
}
