import { breakLongWords, cutLabel, MAX_DRAWN_LABEL } from '../fishbone/drawnLabels';
import type { FaultTree } from './model';

/**
 * Labels as the editor's fault-tree drawing shows them. Mermaid's flowchart wraps a label at spaces
 * to about 200 px and never inside a word: a 190-character event with a URL became a huge circle,
 * Fit dropped to 30 % and every other label was unreadable (trial14b F8). So the drawing (not the
 * Markdown) gets each label cut as the fishbone's causes are (60 characters, "…") and its long words
 * set apart in pieces; the outline, Details and the drawing's tooltips keep the full text.
 */

/** Mermaid's flowchart wraps at about 200 px: some 25 characters at the default font. */
const FLOWCHART_WORD = 24;

/** How `label` is drawn in a fault tree (the same text when it is short and has no long word). */
export function drawnFaultTreeLabel(label: string): string {
  return breakLongWords(cutLabel(label, MAX_DRAWN_LABEL), FLOWCHART_WORD);
}

/** True when the drawing shows `label` shortened: the full text then goes into the shape's tooltip. */
export function isFaultTreeLabelCut(label: string): boolean {
  return [...label].length > MAX_DRAWN_LABEL;
}

/** The tree with every label as it is drawn (ids, kinds and probabilities unchanged). */
export function withDrawnFaultTreeLabels(tree: FaultTree): FaultTree {
  let changed = false;
  const nodes = tree.nodes.map((n) => {
    const label = drawnFaultTreeLabel(n.label);
    if (label === n.label) return n;
    changed = true;
    return { ...n, label };
  });
  return changed ? { ...tree, nodes } : tree;
}
