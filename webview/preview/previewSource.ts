import { mermaidBlockKind } from '../../src/core/diagrams/blocks';
import { drawnFaultTreeBlock } from '../../src/core/diagrams/faultTree/drawnLabels';
import { drawnFishboneBlock } from '../../src/core/diagrams/fishbone/drawnBlock';
import { drawsAnyLabelDifferently, withDrawnLabels } from '../../src/core/diagrams/fishbone/drawnLabels';
import { parseFishbone } from '../../src/core/diagrams/fishbone/parse';
import { printFishbone } from '../../src/core/diagrams/fishbone/print';

/**
 * What the preview draws for a block: a fishbone or fault tree with a long label is drawn with it
 * cut to a few lines, as in the diagram editor (a 300-character cause shrank the whole drawing to
 * 9 %, trial T12; a 190-character event to 30 %, trial14b F8); every other block, and a diagram
 * without long labels, exactly as written. The Markdown is never changed: GitHub and other
 * renderers draw the stored text as it is.
 */
export function previewSource(source: string): string {
  const kind = mermaidBlockKind(source.split('\n'));
  // A fault tree keeps its own lines (a %%{init}%% line, lines the editor cannot print), long labels cut.
  if (kind === 'fault-tree') return drawnFaultTreeBlock(source);
  if (kind !== 'fishbone') return source;
  const parsed = parseFishbone(source);
  // A block the editor cannot print (a %% comment, odd indentation) keeps its lines, long labels cut.
  if (!parsed.writable) return drawnFishboneBlock(source);
  // Printed once, and only when a label is drawn otherwise than written: else the block as it is.
  return drawsAnyLabelDifferently(parsed.model) ? printFishbone(withDrawnLabels(parsed.model)) : source;
}
