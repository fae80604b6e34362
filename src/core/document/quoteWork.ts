import { eachLine } from '../text/eachLine';
import { containerDepth, MAX_NESTING } from './nesting';

/**
 * What the Markdown reader (micromark) spends on a section's block quotes, estimated in one pass
 * before it is asked to read them. On every line it checks each quote the line continues, one `>`
 * at a time, and each such check costs several microseconds: a quote nested one level deeper per
 * line (`>`, `> >`, `> > >` …) kept 64 quotes open on every line past the 64th (the markers past
 * MAX_NESTING are read as spaces), 2,120 lines, 4.5 MB: 2–4 s. Lines alone cannot bound it (5,000
 * lines of 64 quotes are within MAX_TREE_LINES). Real post-mortems quote a few lines one or two
 * levels deep: the corpus's largest section costs 10 steps.
 */
export const MAX_QUOTE_WORK = 20_000;

export interface QuoteWork {
  /** Estimated reader steps: the quote markers opening each line (at most MAX_NESTING a line), summed. */
  readonly steps: number;
  /** The lines that open with a quote marker, and the most markers one of them has (before the cap). */
  readonly quotedLines: number;
  readonly deepest: number;
}

/** The estimate for `text` (a section). Linear: each line's container prefix is read once. */
export function quoteWork(text: string): QuoteWork {
  let steps = 0;
  let quotedLines = 0;
  let deepest = 0;
  eachLine(text, (start, end) => {
    const line = text.slice(start, end);
    const { prefixEnd } = containerDepth(line, Number.MAX_SAFE_INTEGER);
    let quotes = 0;
    for (let i = 0; i < prefixEnd; i++) if (line.charCodeAt(i) === 62 /* > */) quotes++;
    if (quotes > 0) {
      quotedLines++;
      steps += Math.min(quotes, MAX_NESTING);
      deepest = Math.max(deepest, quotes);
    }
  });
  return { steps, quotedLines, deepest };
}

/**
 * Why a section's block quotes are not given to the Markdown reader, or undefined when they cost no
 * more than the budget: said by document/section-too-large, so nothing goes unchecked silently.
 */
export function quoteWorkOverBudget(text: string, budget = MAX_QUOTE_WORK): string | undefined {
  // Each step is a `>` of the text: with no more of them than the budget, nothing to estimate.
  let count = 0;
  for (let at = text.indexOf('>'); at !== -1 && count <= budget; at = text.indexOf('>', at + 1)) count++;
  if (count <= budget) return undefined;
  const work = quoteWork(text);
  if (work.steps <= budget) return undefined;
  return `block quotes nested up to ${work.deepest.toLocaleString('en-US')} levels deep on ${work.quotedLines.toLocaleString('en-US')} lines: reading them would take about ${work.steps.toLocaleString('en-US')} steps (quotes continued, per line, at most ${MAX_NESTING}), the budget is ${budget.toLocaleString('en-US')}`;
}
