import { encodeFishboneLabel } from '../escape';
import type { Fishbone, FishboneCause } from './model';

/**
 * How many lines a cause's label may take in each category before it runs into its neighbours.
 * Mermaid's ishikawa layout (the bundled 12.3, `draw` / `drawBranch`) places every cause under a
 * category on its own row along the category's bone, the rows `SIN_A × bone length / (causes + 1)`
 * apart, but wraps each label into lines of 15 characters without making the rows taller: with six
 * causes under one category, 3–4-line labels were drawn on top of each other (trial16b F2). The
 * bone's length is Mermaid's: a share of 500 units by the number of causes on its side of the spine
 * (upper: categories 1, 3, …), at least 75, and at least 32 units per cause of the side's fullest
 * category. This mirrors that arithmetic, so the drawing can cut such labels to fit their row.
 */

/** Mermaid's numbers (12.3, default 16 px font): the bone pool, its floor, the row spacing floor, the line height, the angle. */
const SPINE_BASE = 250;
const FONT_SIZE = 16;
const LINE_HEIGHT = FONT_SIZE * 1.05;
const SIN_A = Math.sin((82 * Math.PI) / 180);

/** Every cause under `c` (all levels): an explicit stack, no recursion over user data. */
export function causeCount(c: FishboneCause): number {
  let n = 0;
  const stack: FishboneCause[] = [...c.causes];
  while (stack.length > 0) {
    const node = stack.pop()!;
    n += 1;
    for (const child of node.causes) stack.push(child);
  }
  return n;
}

/** Per category (in order): the lines one of its causes' labels may take without touching the next (at least 1). */
export function causeLineBudgets(model: Fishbone): number[] {
  return lineBudgetsOfCounts(model.categories.map(causeCount));
}

/** The same from the number of causes (all levels) under each category, in order. */
export function lineBudgetsOfCounts(counts: readonly number[]): number[] {
  const side = (odd: number) => counts.filter((_, i) => i % 2 === odd);
  const sideTotal = (odd: number) => side(odd).reduce((a, b) => a + b, 0);
  const sideMax = (odd: number) => side(odd).reduce((a, b) => Math.max(a, b), 0);
  const total = sideTotal(0) + sideTotal(1);
  const boneLength = (odd: number): number => {
    const share = total > 0 ? Math.max(SPINE_BASE * 0.3, SPINE_BASE * 2 * (sideTotal(odd) / total)) : SPINE_BASE;
    return Math.max(share, sideMax(odd) * FONT_SIZE * 2);
  };
  const lengths = [boneLength(0), boneLength(1)];
  return counts.map((n, i) => Math.max(1, Math.floor((SIN_A * lengths[i % 2]) / (n + 1) / LINE_HEIGHT)));
}

/**
 * Lines Mermaid wraps a cause's `label` into. It wraps the line as written, after its own entity
 * step (`encodeEntities`) turned each `#37;` into `ﬂ°°37¶ß` and each `#lt;` into `ﬂ°lt¶ß`, so an
 * encoded `%%` or `<` takes 7 or 6 characters of the 15 (the trial's `%%{init…}` label took 4 lines).
 */
export function drawnLineCount(label: string): number {
  const asMermaidWraps = encodeFishboneLabel(label).replace(/#(\w+);/g, (_, inner: string) => (/^\+?\d+$/.test(inner) ? `ﬂ°°${inner}¶ß` : `ﬂ°${inner}¶ß`));
  return wrappedLineCount(asMermaidWraps);
}

/** Lines Mermaid wraps `text` into (its `wrapText(text, 15)`: UTF-16 length, greedy at whitespace). */
export function wrappedLineCount(text: string, width = 15): number {
  if (text.length <= width) return 1;
  let lines = 0;
  let current = -1;
  for (const word of text.split(/\s+/)) {
    if (current >= 0 && current + 1 + word.length <= width) current += 1 + word.length;
    else {
      lines += 1;
      current = word.length;
    }
  }
  return lines;
}
