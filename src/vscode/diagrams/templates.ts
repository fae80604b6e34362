import { addChild, newFaultTree, newFishbone, printFaultTree, printFishbone } from '../../core/diagrams';
import type { DiagramKind } from '../../shared/protocol/messages';

/** The diagram a new block starts with: enough to see the shape, all of it meant to be renamed. */
export function newDiagramText(kind: DiagramKind): string {
  if (kind === 'fishbone') return printFishbone(newFishbone('What happened (the effect)'));
  let tree = newFaultTree('Top event (what failed)');
  const top = tree.nodes[0].id;
  tree = addChild(tree, top, { type: 'event', label: 'First cause', event: 'basic', probability: 0.01 }).tree;
  tree = addChild(tree, top, { type: 'event', label: 'Second cause', event: 'basic', probability: 0.01 }).tree;
  return printFaultTree(tree);
}

/**
 * The fenced block to insert at `line` of a document whose lines are `lines`: blank lines around it
 * when the neighbours are not blank. Returns the text and the line its opening fence lands on.
 */
export function blockInsertion(kind: DiagramKind, lines: readonly string[], line: number, eol: string): { text: string; fenceLine: number } {
  const before = line > 0 && (lines[line - 1] ?? '').trim() !== '';
  const after = line < lines.length && (lines[line] ?? '').trim() !== '';
  const body = ['```mermaid', ...newDiagramText(kind).split('\n'), '```'];
  const parts = [...(before ? [''] : []), ...body, ...(after ? [''] : [])];
  return { text: parts.join(eol) + eol, fenceLine: line + (before ? 1 : 0) };
}
