import type { List, Paragraph, Root } from 'mdast';
import type { LineIndex } from '../text/lineIndex';

/**
 * The line-level fast path for Timeline and Action items sections. Most are written as one flat
 * bullet list — `- 14:09Z …`, `- [ ] … @owner` — and extracting their entries needs only where
 * each top-level item starts (and, for tasks, whether it is checked). When every line of the
 * section is provably such an item line (or blank), that is read from the lines and handed to the
 * extractors as a skeleton tree; anything the line rules cannot vouch for returns undefined and the
 * caller parses the section with remark. Either way the extracted entries are the same.
 */

/** `- text` at column 0 with exactly one space: content cannot be indented code or a lazy line. */
const ITEM_LINE = /^([-*+]) (\S.*)$/;
/** What a task check is to GFM: `[ ]`/`[x]` first in the item, then spaces and non-space content. */
const TASK_CHECK = /^\[([ xX])\] +\S/;
/**
 * Content that opens a block inside the item (nested list, quote, code, HTML, heading, table) or
 * could be a thematic break: such sections take the full parse rather than reasoning about it.
 */
export const BLOCK_START = /^(?:[-*+>#<`~|=_]|\d{1,9}[.)](?:[ \t]|$))/;
/** Characters with Markdown meaning in a heading: its plain text may differ from the raw title. */
export const HEADING_MARKUP = /[\\`*_[\]<>&!~]/;
const BLANK = /^[ \t]*$/;

/** Section text with line breaks that micromark and LineIndex agree on (no lone `\r`). */
export function hasPlainLineBreaks(text: string): boolean {
  return !/\r(?!\n)/.test(text);
}

export interface PlainListSection {
  /** A skeleton with the top-level list items and their start lines (1-based, as remark gives them). */
  readonly tree: Root;
  /** Raw title of the section heading (line 0); free of markup, so it equals the heading's plain text. */
  readonly headingTitle: string;
}

/**
 * Reads a section whose lines after its heading are only blank lines and flat bullet items. `title`
 * is the heading title as the section scanner read it. Undefined when the full parse is needed.
 */
export function readPlainListSection(lines: LineIndex, title: string): PlainListSection | undefined {
  if (!hasPlainLineBreaks(lines.text) || HEADING_MARKUP.test(title)) return undefined;
  const lists: List[] = [];
  let current: List | undefined;
  let marker = '';
  for (let line = 1; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    if (BLANK.test(text)) continue;
    const m = ITEM_LINE.exec(text);
    if (!m || BLOCK_START.test(m[2])) return undefined;
    let checked: boolean | null = null;
    if (m[2].startsWith('[')) {
      const task = TASK_CHECK.exec(m[2]);
      // `[label]`, `[ ]` alone, a tab in the box…: what GFM makes of it is the parser's call.
      if (!task) return undefined;
      checked = task[1] !== ' ';
    }
    // Another bullet character starts another list (CommonMark), as remark would split it.
    if (!current || m[1] !== marker) {
      current = { type: 'list', ordered: false, spread: false, children: [] };
      lists.push(current);
      marker = m[1];
    }
    // The item is its one line, holding one paragraph (text nodes left out: extractors read lines).
    const start = { line: line + 1, column: 1 };
    const end = { line: line + 1, column: text.length + 1 };
    const paragraph: Paragraph = { type: 'paragraph', children: [], position: { start: { line: line + 1, column: 3 }, end } };
    current.children.push({ type: 'listItem', spread: false, checked, children: [paragraph], position: { start, end } });
  }
  return { tree: { type: 'root', children: lists }, headingTitle: title };
}
