import type { Fishbone, FishboneCause } from './model';
import { mapCauseTree } from './mapCauses';
import { breakLongWords, cutGraphemesKeepingEnd, cutLabel, cutLabelKeepingEnd, graphemes, longerThan, MAX_DRAWN_LABEL } from '../labelCut';
import { causeLineBudgets, drawnLineCount } from './crowding';

export { MAX_DRAWN_LABEL } from '../labelCut';

/**
 * Labels as a fishbone drawing shows them. Mermaid's ishikawa renderer (the bundled 12.3) wraps a
 * cause at spaces into lines of 15 characters and the effect into lines of about 11, never inside
 * a word, and does not wrap a category at all. A 300-character cause (or one long word, a URL)
 * then made the drawing thousands of units wide, and fitting it shrank every label to 9 %
 * (trial T12). So the drawing (not the Markdown) gets each label cut to a few lines, with "…", and
 * its words no longer than a line: pieces of a long word are set apart by spaces, which Mermaid
 * turns into line breaks. The editor's outline and the drawing's tooltips keep the full text.
 */

/** A category is drawn on one line in a box beside the spine. */
export const MAX_DRAWN_CATEGORY = 32;
/** Mermaid's line widths (characters): causes, and the effect at the default 16 px font. */
const CAUSE_LINE = 15;
const EFFECT_LINE = 11;

export type FishboneLabelRole = 'effect' | 'category' | 'cause';

/**
 * How `label` is drawn in the given place (the same text when it is short and has no long word).
 * `maxLines`: for a cause, the lines its row has room for (see ./crowding): a label that would wrap
 * to more is cut shorter, so crowded causes do not overlap (trial16b F2).
 */
export function drawnFishboneLabel(label: string, role: FishboneLabelRole, maxLines = Infinity): string {
  if (role === 'category') return cutLabel(label, MAX_DRAWN_CATEGORY);
  const width = role === 'effect' ? EFFECT_LINE : CAUSE_LINE;
  const drawn = breakLongWords(cutLabel(label, MAX_DRAWN_LABEL), width);
  if (role !== 'cause' || drawnLineCount(drawn) <= maxLines) return drawn;
  // The longest cut that fits its row: a binary search over the cut's length (a shorter cut never
  // wraps to more lines), on the label cut to 60 characters first: a few tries of 60 characters each.
  // The cut keeps the label's end ("Process…14"): causes that differ only there stay apart (trial17b F4).
  const head = graphemes(cutLabelKeepingEnd(label, MAX_DRAWN_LABEL));
  const cut = (max: number) => breakLongWords(cutGraphemesKeepingEnd(head, max), width);
  let fits = 2;
  let tooLong = head.length;
  while (tooLong - fits > 1) {
    const mid = Math.floor((fits + tooLong) / 2);
    if (drawnLineCount(cut(mid)) <= maxLines) fits = mid;
    else tooLong = mid;
  }
  return cut(fits);
}

/** True when the drawing shows `label` shortened: the full text then goes into the drawing's tooltip. */
export function isLabelCut(label: string, role: FishboneLabelRole, maxLines = Infinity): boolean {
  if (longerThan(label, role === 'category' ? MAX_DRAWN_CATEGORY : MAX_DRAWN_LABEL)) return true;
  return role === 'cause' && maxLines !== Infinity && drawnLineCount(breakLongWords(label, CAUSE_LINE)) > maxLines;
}

/**
 * True when `label` is drawn as written. Most labels are short, of short words: that is told from
 * their UTF-16 length and longest run between spaces (never fewer units than characters), without
 * drawing them; the rest are drawn and compared.
 */
function drawnAsWritten(label: string, role: FishboneLabelRole, maxLines = Infinity): boolean {
  const max = role === 'category' ? MAX_DRAWN_CATEGORY : MAX_DRAWN_LABEL;
  if (label.length <= max && (role !== 'cause' || drawnLineCount(label) <= maxLines)) {
    if (role === 'category') return true;
    const width = role === 'effect' ? EFFECT_LINE : CAUSE_LINE;
    let run = 0;
    let longest = 0;
    for (let i = 0; i < label.length; i++) {
      run = label.charCodeAt(i) === 32 ? 0 : run + 1;
      if (run > longest) longest = run;
    }
    if (longest <= width) return true;
  }
  return drawnFishboneLabel(label, role, maxLines) === label;
}

/**
 * True when some label is drawn otherwise than written (cut, or a long word broken): one walk over
 * the labels, for a caller that draws the block as written when none is (the Markdown preview used
 * to print the fishbone twice, as drawn and as written, only to compare the two texts).
 */
export function drawsAnyLabelDifferently(model: Fishbone): boolean {
  if (!drawnAsWritten(model.effect, 'effect')) return true;
  if (model.categories.some((c) => !drawnAsWritten(c.label, 'category'))) return true;
  const budgets = causeLineBudgets(model);
  // An explicit stack, no recursion over user data.
  const stack: { node: FishboneCause; lines: number }[] = [];
  model.categories.forEach((c, i) => { for (const node of c.causes) stack.push({ node, lines: budgets[i] }); });
  while (stack.length > 0) {
    const { node, lines } = stack.pop()!;
    if (!drawnAsWritten(node.label, 'cause', lines)) return true;
    for (const n of node.causes) stack.push({ node: n, lines });
  }
  return false;
}

/**
 * The model with every label as it is drawn. Nodes keep their ids; a node whose label changes loses
 * its source line, so the printer writes it afresh (encoded), and the others print as written.
 */
export function withDrawnLabels(model: Fishbone): Fishbone {
  const relabel = (node: FishboneCause, label: string): FishboneCause => (label === node.label ? node : { id: node.id, label, causes: node.causes });
  const effect = drawnFishboneLabel(model.effect, 'effect');
  // Causes crowded on one bone are cut to the lines their rows have room for.
  const budgets = causeLineBudgets(model);
  return {
    ...model,
    effect,
    effectSource: effect === model.effect ? model.effectSource : undefined,
    categories: model.categories.map((c, i) => ({ ...relabel(c, drawnFishboneLabel(c.label, 'category')), causes: mapCauseTree(c.causes, (n) => relabel(n, drawnFishboneLabel(n.label, 'cause', budgets[i]))) })),
  };
}
