import { eachLine } from '../text/eachLine';
import { NestingScanner } from './nesting';

/**
 * What the Markdown reader (micromark) spends on a section's nested lists, estimated in one pass
 * before it is asked to read them. micromark checks each list item still open at a line's start
 * for "is this line blank?" by scanning the line's leading blanks, once per open item: a line
 * indented w columns inside d open items costs about d × w steps. A staircase of items each one
 * level deeper makes both grow with the line number (5,000 items indented by tabs: 64 open items
 * × up to 2,500 tabs a line, 6 MB, 89 s and 2.4 GB), so the reader's cost grows with the square
 * of the list while the text grows only with its bytes. Real post-mortems nest a few levels over
 * a few columns: the corpus's largest section costs under 3,000 steps.
 */
export const MAX_LIST_WORK = 2_000_000;

export interface ListWork {
  /** Estimated reader steps: open items × leading blanks, summed over lines. */
  readonly steps: number;
  readonly lines: number;
  /** The most list items open at a line's start, and the widest leading blanks (characters) seen. */
  readonly deepest: number;
  readonly widest: number;
  /** Characters the estimate itself looked at: each line's container prefix, once (linear in the text). */
  readonly scanned: number;
}

const isBlank = (c: number) => c === 32 || c === 9;

/**
 * The estimate for `text` (a section). Linear: each line's leading blanks and container markers
 * are read once by the nesting scanner and once here.
 */
export function listWork(text: string): ListWork {
  const scanner = new NestingScanner();
  let steps = 0;
  let lines = 0;
  let deepest = 0;
  let widest = 0;
  let scanned = 0;
  eachLine(text, (start, end) => {
    const open = scanner.openItems;
    let lead = start;
    while (lead < end && isBlank(text.charCodeAt(lead))) lead++;
    const line = scanner.line(text.slice(start, end));
    // Markers past the nesting limit are read as spaces (flattenDeepNesting): blanks too, for the reader.
    const width = Math.max(lead - start, line.cutAt !== undefined ? line.prefixEnd : 0);
    scanned += Math.max(lead - start, line.prefixEnd) + 1;
    steps += open * width;
    deepest = Math.max(deepest, open);
    widest = Math.max(widest, width);
    lines++;
  });
  return { steps, lines, deepest, widest, scanned };
}

/**
 * Why a section's nested lists are not given to the Markdown reader, or undefined when they cost
 * no more than the budget: said by document/section-too-large, so nothing goes unchecked silently.
 */
export function listWorkOverBudget(text: string, budget = MAX_LIST_WORK): string | undefined {
  // Without a line indented past 8 characters nothing costs much: at most 8 × 16 items open (tabs) per
  // line, 640,000 steps for the longest section read as Markdown (MAX_TREE_LINES).
  if (!/^[ \t]{9}/m.test(text)) return undefined;
  const work = listWork(text);
  if (work.steps <= budget) return undefined;
  return `lists nested ${work.deepest} levels deep over lines indented up to ${work.widest.toLocaleString('en-US')} characters: reading them would take about ${work.steps.toLocaleString('en-US')} steps (items open × indentation, per line), the budget is ${budget.toLocaleString('en-US')}`;
}
