import { fenceOf, startsBlock } from './bracketStorms';

/**
 * The longest paragraph the Markdown reader is given: one paragraph of text interleaved with code
 * spans, HTML or entities (a pasted log) costs micromark about 5 µs and 900 bytes of memory per
 * character even read linearly (scripts/patch-micromark.mjs mended the quadratic part; trial15a
 * F20: a 9 MB paragraph ran 15 minutes at 1.7 GB). A real paragraph is a few hundred characters; a
 * longer run of text is a log that belongs in a code block. 200,000 characters read in about a second.
 */
export const MAX_PARAGRAPH_CHARS = 200_000;

const isSpace = (c: number) => c === 32 || c === 9;

/**
 * Why a section is not given to the Markdown reader because of one paragraph longer than `limit`,
 * or undefined. Paragraphs are runs of non-blank lines outside fenced code, cut where a line may
 * start a block (a list item, heading, quote, table row: bracketStorms.ts); over-splitting only
 * shortens them. Linear, and nothing to do for a text shorter than the limit.
 */
export function longParagraphOverBudget(text: string, limit = MAX_PARAGRAPH_CHARS): string | undefined {
  if (text.length <= limit) return undefined;
  let fence: { char: number; length: number } | undefined;
  let paragraphStart = -1;
  for (let start = 0; start <= text.length; ) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    let from = start;
    while (from < end && isSpace(text.charCodeAt(from))) from++;
    const content = text.slice(start, Math.min(end, from + 16));
    const f = from - start <= 3 ? fenceOf(content, from - start) : undefined;
    if (fence) {
      if (f && f.char === fence.char && f.length >= fence.length) fence = undefined;
      paragraphStart = -1;
    } else if (f) {
      fence = f;
      paragraphStart = -1;
    } else if (from === end || startsBlock(content, from - start)) {
      paragraphStart = from === end ? -1 : start;
    } else if (paragraphStart < 0) {
      paragraphStart = start;
    }
    if (paragraphStart >= 0 && end - paragraphStart > limit) {
      return `a paragraph of more than ${limit.toLocaleString('en-US')} characters, perhaps a pasted log that belongs in a code block`;
    }
    if (end >= text.length) break;
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return undefined;
}
