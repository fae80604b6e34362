import { readFrontMatter } from '../../document/frontMatter';
import { describeHidden, hiddenContent, itemShape } from '../../document/hiddenContent';
import { openBlockWords, type OpenBlockWords } from '../../document/openBlock';
import { scanHeadings } from '../../document/sections';
import { atxHeading } from '../../text/atxHeading';
import { LineIndex } from '../../text/lineIndex';

/** A list item at the margin (or up to 3 spaces in): after a blank line, the writer is back in Markdown. */
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S/;
/** Each repair rescans the text: a bounded number of runaway fences are closed, the rest stay as written. */
const MAX_REPAIRS = 10;

/** One code fence (or HTML comment) the original never closed, and where the converted text closes it. */
export interface ClosedFence {
  /** The opener's line (0-based, in the original). */
  readonly openLine: number;
  /** The closer written: the fence run (```, ~~~~), `-->` for an HTML comment, `</pre>` for `<pre>` (openBlock.ts). */
  readonly fence: string;
  readonly kind: OpenBlockWords['kind'];
  /** How it opened (the fence run, `<!--`, `<pre>`). */
  readonly opener: string;
  /** The original line it was closed before; the line count when it was closed at the end of the file. */
  readonly before: number;
  /** That line as written (shortened), when it was closed before one. */
  readonly beforeText?: string;
  /** What the open block hid, as the original is rendered ("1 section (…) and 2 timeline entries"). */
  readonly hid: string;
  /** How many lines it hid (0: it is the last thing in the original). */
  readonly hidLines: number;
  /** The closed block still holds timeline entries or action items as written (they stay code). */
  readonly keepsItems: boolean;
}

export interface FenceRepair {
  readonly text: string;
  readonly closed: readonly ClosedFence[];
  /** Lines added to the text (indexes in the repaired text, ascending): the converter's line numbers are mapped back past them. */
  readonly inserted: readonly number[];
}

/**
 * A code fence opened and never closed (a pasted log) makes the rest of the original code: in
 * GitHub, and to the converter, which then reported the remaining timeline and the Action items as
 * absent while calling the conversion complete (trial 14a F25). The converted file closes it where
 * the writer evidently went back to Markdown: before the next heading of the fence's section level
 * or higher, or before a list item after a blank line, whichever comes first; at the end of the
 * file otherwise. The closing fence takes the place of a blank line when there is one, so line
 * numbers still point into the original; otherwise a line is inserted (and listed in `inserted`).
 */
export function closeRunawayFences(source: string): FenceRepair {
  let text = source;
  const closed: ClosedFence[] = [];
  const inserted: number[] = [];
  for (let round = 0; round < MAX_REPAIRS; round++) {
    const lines = new LineIndex(text);
    const fm = readFrontMatter(lines);
    const scan = scanHeadings(lines, fm ? fm.closeLine + 1 : 0, lines.lineCount);
    const open = scan.openAtEnd;
    // An HTML comment left open (`<!-- never closed`) hides the rest the same way, and ends at a line holding `-->`;
    // so does `<pre>` (a pasted log) until `</pre>`, and the other HTML blocks that run to an end marker (openBlock.ts).
    if (!open) break;
    const words = openBlockWords(open, lines.lineText(open.line));
    const closer = words.closer;
    let above: number | undefined;
    for (const h of scan.headings) if (h.line < open.line) above = h.level;
    const level = Math.max(2, above ?? 2);
    let close = lines.lineCount;
    for (let k = open.line + 1; k < lines.lineCount; k++) {
      const t = lines.lineText(k);
      const h = atxHeading(t);
      if (h && h.level <= level) {
        close = k;
        break;
      }
      if (!t.trim() && k + 1 < lines.lineCount && LIST_ITEM.test(lines.lineText(k + 1))) {
        close = k + 1;
        break;
      }
    }
    let last = close - 1;
    while (last > open.line && !lines.lineText(last).trim()) last--;
    let keepsItems = false;
    for (let k = open.line + 1; k <= last && !keepsItems; k++) keepsItems = itemShape(lines.lineText(k)) !== undefined;
    const hidden = hiddenContent(lines, open);
    const toOriginal = (l: number) => l - inserted.filter((p) => p < l).length;
    const beforeText = close < lines.lineCount ? lines.lineText(close).trim() : undefined;
    closed.push({
      openLine: toOriginal(open.line), fence: closer, kind: words.kind, opener: words.opener, before: toOriginal(close), hid: describeHidden(hidden), hidLines: hidden.lines, keepsItems,
      ...(beforeText !== undefined ? { beforeText: beforeText.length > 60 ? `${beforeText.slice(0, 57)}…` : beforeText } : {}),
    });
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    if (last + 1 < close) {
      // A blank line after the block's last line becomes the closing fence.
      const at = last + 1;
      text = text.slice(0, lines.lineStart(at)) + closer + text.slice(lines.lineEnd(at));
    } else if (close === lines.lineCount) {
      text = `${text}${eol}${closer}`;
    } else {
      const at = lines.lineStart(close);
      text = `${text.slice(0, at)}${closer}${eol}${text.slice(at)}`;
      // Later insertions are after this one (each round closes the block left open last).
      inserted.push(close);
    }
  }
  return { text, closed, inserted };
}
