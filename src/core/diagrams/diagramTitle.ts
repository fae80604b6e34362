import type { MermaidBlock } from './blocks';

/**
 * The name a diagram goes by in the editor (panel title, tab, heading): its kind and its number
 * among the file's diagrams *of that kind*. "Fault tree 2" for the only fault tree after a
 * fishbone read as "the second fault tree" (trial T3); the index among all mermaid blocks stays
 * in what counts every block (`--block N`, diagnostics' "diagram N", export file names).
 */
export function diagramTitle(kind: 'fishbone' | 'fault-tree', kindIndex: number): string {
  return `${kind === 'fishbone' ? 'Fishbone' : 'Fault tree'} ${kindIndex + 1}`;
}

/** 0-based position of `block` among the blocks of its own kind (`blocks` as findMermaidBlocks gives them). */
export function kindIndexOf(blocks: readonly MermaidBlock[], block: MermaidBlock): number {
  let n = 0;
  for (const b of blocks) {
    if (b.index >= block.index) break;
    if (b.kind === block.kind) n++;
  }
  return n;
}
