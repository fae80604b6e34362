import { eachLine } from '../text/eachLine';

const isSpace = (c: number) => c === 32 || c === 9;

/**
 * True when the line from `from` to `end` of `text` may start a block of its own, so a paragraph
 * before it ends there: a list item, heading, quote or table row. Over-splitting only shortens
 * paragraphs; one is never merged with the next.
 */
function startsBlock(text: string, from: number, end: number): boolean {
  const c = text.charCodeAt(from);
  if (c === 35 || c === 62 || c === 124) return true; // # > |
  if ((c === 45 || c === 42 || c === 43) && (from + 1 === end || isSpace(text.charCodeAt(from + 1)))) return true;
  let k = from;
  while (k < end && k - from < 9 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
  const d = k < end ? text.charCodeAt(k) : NaN;
  return k > from && (d === 46 || d === 41) && (k + 1 === end || isSpace(text.charCodeAt(k + 1)));
}

interface Fence {
  readonly char: number;
  readonly length: number;
}

/** The fence the line opens or closes at `from` (indented at most 3 past `start`): its character and length. */
function fenceAt(text: string, start: number, from: number, end: number): Fence | undefined {
  if (from - start > 3) return undefined;
  const c = text.charCodeAt(from);
  if (c !== 96 && c !== 126) return undefined;
  let k = from;
  while (k < end && text.charCodeAt(k) === c) k++;
  return k - from >= 3 ? { char: c, length: k - from } : undefined;
}

/**
 * Calls `visit` for each line of `text` that belongs to a paragraph, as the size budgets of the
 * Markdown reader see paragraphs (bracketStorms.ts, paragraphSize.ts): runs of non-blank lines
 * outside fenced code, cut where a line may start a block. `start` is where the line begins,
 * `from` its first character after spaces and tabs, `end` where its break starts, `line` its
 * 0-based number; `opens` is true on a paragraph's first line. One pass, no slice of a line
 * except a fence's closing candidate.
 */
export function eachParagraphLine(
  text: string,
  visit: (start: number, from: number, end: number, line: number, opens: boolean) => void,
): void {
  let fence: Fence | undefined;
  let inParagraph = false;
  let line = -1;
  eachLine(text, (start, end) => {
    line++;
    let from = start;
    while (from < end && isSpace(text.charCodeAt(from))) from++;
    const f = fenceAt(text, start, from, end);
    if (fence) {
      // A closing fence is at least as long as the opening one and has nothing after it.
      if (f && f.char === fence.char && f.length >= fence.length && text.slice(from + f.length, end).trim() === '') fence = undefined;
      inParagraph = false;
    } else if (f) {
      fence = f;
      inParagraph = false;
    } else if (from === end) {
      inParagraph = false;
    } else {
      const opens = !inParagraph || startsBlock(text, from, end);
      inParagraph = true;
      visit(start, from, end, line, opens);
    }
  });
}
