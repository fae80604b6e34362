import { encodeFishboneLabel } from '../escape';
import type { Fishbone, FishboneCause } from './model';

const INDENT = '  ';

/**
 * Prints a fishbone. Lines of nodes that did not change since parsing are reused verbatim, so an
 * edit to a hand-written block only touches the lines it concerns. `canonical` ignores the sources.
 */
export function printFishbone(model: Fishbone, options: { canonical?: boolean } = {}): string {
  const reuse = !options.canonical;
  const out: string[] = [];
  out.push(reuse && model.keywordSource ? model.keywordSource : model.keyword);
  const effect = model.effectSource;
  out.push(reuse && effect && effect.label === model.effect ? effect.text : INDENT + encodeFishboneLabel(model.effect));
  const walk = (nodes: readonly FishboneCause[], depth: number): void => {
    for (const node of nodes) {
      const src = node.source;
      const indent = INDENT.repeat(depth + 2);
      // Only a line already at the canonical indentation is reused: mixing widths could re-parent nodes.
      const reusable = reuse && src && src.label === node.label && src.depth === depth
        && src.text.startsWith(indent) && src.text[indent.length] !== ' ';
      out.push(reusable ? src.text : indent + encodeFishboneLabel(node.label));
      walk(node.causes, depth + 1);
    }
  };
  walk(model.categories, 0);
  return out.join('\n');
}
