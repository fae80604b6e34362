import { eachParagraphLine } from './paragraphLines';

/**
 * The longest paragraph the Markdown reader is given: one paragraph of text interleaved with code
 * spans, HTML or entities (a pasted log) costs micromark about 5 µs and 900 bytes of memory per
 * character even read linearly (scripts/patch-micromark.mjs mended the quadratic part; trial15a
 * F20: a 9 MB paragraph ran 15 minutes at 1.7 GB). A real paragraph is a few hundred characters; a
 * longer run of text is a log that belongs in a code block. 200,000 characters read in about a second.
 */
export const MAX_PARAGRAPH_CHARS = 200_000;

/**
 * Why a section is not given to the Markdown reader because of one paragraph longer than `limit`,
 * or undefined. Paragraphs as the bracket budget reads them (paragraphLines.ts: cut where a line
 * may start a list item, heading, quote or table row); over-splitting only shortens them. Linear,
 * and nothing to do for a text shorter than the limit.
 */
export function longParagraphOverBudget(text: string, limit = MAX_PARAGRAPH_CHARS): string | undefined {
  if (text.length <= limit) return undefined;
  let paragraphStart = 0;
  let over = false;
  eachParagraphLine(text, (start, _from, end, _line, opens) => {
    if (opens) paragraphStart = start;
    if (end - paragraphStart > limit) over = true;
  });
  return over ? `a paragraph of more than ${limit.toLocaleString('en-US')} characters, perhaps a pasted log that belongs in a code block` : undefined;
}
