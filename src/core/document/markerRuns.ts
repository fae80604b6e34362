import { eachLine } from '../text/eachLine';
import { containerDepth } from './nesting';

/**
 * What the Markdown reader (micromark) spends on lines that open several containers at once
 * (`- - - … x`, `- > - > … x`, `1. - > x`), estimated in one pass before it is asked to read them.
 * Each container opened past a line's first costs the reader work that grows with the lines of the
 * section it has read so far (its list events are spliced, again and again): `"- " × 32` per line,
 * 800 lines (52 KB), took 4 s to lint, 1,600 lines 12.5 s, 4,000 lines 80 s, while the indentation
 * (listWork.ts) and quote (quoteWork.ts) budgets saw nothing: every line starts in column 0.
 * Measured over such sections, the time follows (markers past each line's first, summed) × (lines).
 * Real post-mortems open a second container on a few lines (`> - item` in a quoted list): the
 * corpus's largest section costs a few thousand steps.
 */
export const MAX_MARKER_RUN_WORK = 500_000;

/** A line opening with two container markers: only then is there anything to estimate. */
const TWO_MARKERS = /^[ \t]*(?:[-*+>]|\d{1,9}[.)])[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$))/m;

/** False when no line of `text` opens two container markers (then markerRunWork counts nothing). Exported for its test. */
export function mayOpenSeveral(text: string): boolean {
  return TWO_MARKERS.test(text);
}

export interface MarkerRunWork {
  /** Markers past each line's first, summed over the section's lines, times its lines. */
  readonly steps: number;
  /** The most markers one line opens, and the lines that open more than one. */
  readonly most: number;
  readonly runLines: number;
}

/** The estimate for `text` (a section). Linear: each line's container prefix is read once. */
export function markerRunWork(text: string): MarkerRunWork {
  let extra = 0;
  let lines = 0;
  let most = 0;
  let runLines = 0;
  eachLine(text, (start, end) => {
    lines++;
    // Each line's markers counted to their end (no cap): a line's prefix is read once.
    const { depth } = containerDepth(text.slice(start, end), Number.MAX_SAFE_INTEGER);
    if (depth > 1) {
      extra += depth - 1;
      runLines++;
      most = Math.max(most, depth);
    }
  });
  return { steps: extra * lines, most, runLines };
}

/**
 * Why a section's lines of stacked container markers are not given to the Markdown reader, or
 * undefined when they cost no more than the budget: said by document/section-too-large.
 */
export function markerRunsOverBudget(text: string, budget = MAX_MARKER_RUN_WORK): string | undefined {
  if (!mayOpenSeveral(text)) return undefined;
  const work = markerRunWork(text);
  if (work.steps <= budget) return undefined;
  return `${work.runLines.toLocaleString('en-US')} lines open several lists or quotes at once (up to ${work.most.toLocaleString('en-US')} on one line): reading them would take about ${work.steps.toLocaleString('en-US')} steps (markers past each line's first, times the section's lines), the budget is ${budget.toLocaleString('en-US')}`;
}
