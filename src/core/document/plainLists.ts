import type { List, Paragraph, Root } from 'mdast';
import type { LineIndex } from '../text/lineIndex';

/**
 * The line-level fast path for Timeline and Action items sections. Most are written as bullet
 * lists — `- 14:09Z …`, `- [ ] … @owner` — perhaps under day or topic sub-headings (`### 2026-11-20`,
 * `### Short term`), with a line of prose ("All times UTC.") or the template's HTML comments between,
 * and extracting their entries needs only where each top-level item starts (and, for tasks, whether
 * it is checked, and where its paragraph ends). When every line of the section is provably one of
 * those, that is read from the lines and handed to the extractors as a skeleton tree; anything the
 * line rules cannot vouch for returns undefined and the caller parses the section with remark.
 * Either way the extracted entries are the same (test/unit/document/fastPaths.test.ts).
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
  /** A skeleton: top-level lists with their items' start lines (1-based, as remark gives them), sub-headings, paragraphs, HTML. */
  readonly tree: Root;
  /** Raw title of the section heading (line 0); free of markup, so it equals the heading's plain text. */
  readonly headingTitle: string;
  /** Titles of the sub-headings (`###`…), free of markup like the heading's. */
  readonly subheadings: readonly string[];
  /** Where inline text starts on each line that holds some (items after their box, prose, sub-headings), in order. */
  readonly inline: readonly { readonly line: number; readonly from: number }[];
}

/** `### Title`: an ATX sub-heading with one space after the marks (its title is checked apart). */
const SUB_HEADING = /^(#{3,6}) +(\S.*)$/;
/** A line of only `-`, `*`, `_` and blanks may be a thematic break or a setext underline. */
const RULE_LIKE = /^[-*_ \t]+$/;
/**
 * Text that is paragraph text to CommonMark whatever surrounds it: not a block start (`*`/`_`
 * emphasis is, unless the line could be a rule or `*` a bullet), no `|` (a table row). A paragraph's
 * first line must not start with `[` either (a reference or footnote definition); a continuation
 * line may (a definition cannot interrupt a paragraph).
 */
function isParagraphText(text: string, continuation: boolean): boolean {
  if (text.includes('|') || RULE_LIKE.test(text)) return false;
  const first = text[0];
  if (first === '*') return text.length > 1 && text[1] !== ' ' && text[1] !== '\t';
  if (first === '_') return true;
  return (continuation || first !== '[') && !/^\s/.test(text) && !BLOCK_START.test(text);
}

/** Up to this many spaces before a continuation line's text (a tab is the parser's call). */
const INDENT = /^ +/;
/** A `- ` item's content starts at column 2; four more spaces there would be indented code. */
const LOOSE_MIN = 2;
const LOOSE_MAX = 5;

/** `<!--` at column 0 opens an HTML block that ends on the first line holding `-->` (CommonMark type 2). */
const COMMENT_OPEN = '<!--';

/**
 * Reads a section whose lines after its heading are only blank lines, flat bullet items, their lazy
 * continuation lines and further indented paragraphs, sub-headings, prose lines and HTML comments. `title` is the heading title as
 * the section scanner read it. Undefined when the full parse is needed.
 */
export function readPlainListSection(lines: LineIndex, title: string): PlainListSection | undefined {
  if (!hasPlainLineBreaks(lines.text) || HEADING_MARKUP.test(title)) return undefined;
  const children: Root['children'] = [];
  const subheadings: string[] = [];
  let current: List | undefined;
  let marker = '';
  /** The item whose paragraph a prose line right below continues (lazily), while there is one. */
  let open: { paragraph: Paragraph; item: List['children'][number] } | undefined;
  let inParagraph = false;
  const inline: { line: number; from: number }[] = [];
  for (let line = 1; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    const end = { line: line + 1, column: text.length + 1 };
    if (BLANK.test(text)) {
      open = undefined;
      inParagraph = false;
      continue;
    }
    const m = ITEM_LINE.exec(text);
    if (m) {
      // `- **Jun 4**: …` is an item's paragraph; `- * x`, `- ***`, `- # x` start blocks inside the item.
      if (BLOCK_START.test(m[2]) && !((m[2][0] === '*' || m[2][0] === '_') && isParagraphText(m[2], false))) return undefined;
      let checked: boolean | null = null;
      let from = 2;
      if (m[2].startsWith('[')) {
        const task = TASK_CHECK.exec(m[2]);
        // `[label]`, `[ ]` alone, a tab in the box…: what GFM makes of it is the parser's call.
        if (!task) return undefined;
        checked = task[1] !== ' ';
        from += task[0].length - 1;
      }
      inline.push({ line, from });
      // Another bullet character starts another list (CommonMark), as remark would split it.
      if (!current || m[1] !== marker) {
        current = { type: 'list', ordered: false, spread: false, children: [] };
        children.push(current);
        marker = m[1];
      }
      // The item holds one paragraph (text nodes left out: extractors read lines).
      const start = { line: line + 1, column: 1 };
      const paragraph: Paragraph = { type: 'paragraph', children: [], position: { start: { line: line + 1, column: 3 }, end } };
      const item: List['children'][number] = { type: 'listItem', spread: false, checked, children: [paragraph], position: { start, end } };
      current.children.push(item);
      open = { paragraph, item };
      inParagraph = false;
      continue;
    }
    if (text.startsWith(COMMENT_OPEN)) {
      // `<!-->` and `<!--->` are close calls between CommonMark versions: the parser's call.
      const close = text.indexOf('-->', 2);
      if (close !== -1 && close < 4) return undefined;
      let last = line;
      if (close === -1) while (last + 1 < lines.lineCount && !lines.lineText(++last).includes('-->'));
      children.push({ type: 'html', value: '', position: { start: { line: line + 1, column: 1 }, end: { line: last + 1, column: lines.lineText(last).length + 1 } } });
      line = last;
      current = undefined;
      open = undefined;
      inParagraph = false;
      continue;
    }
    const h = SUB_HEADING.exec(text);
    if (h) {
      const headingTitle = h[2].trim();
      // Markup or a closing `#` sequence: its plain text may differ from the raw title.
      if (HEADING_MARKUP.test(headingTitle) || headingTitle.endsWith('#')) return undefined;
      children.push({ type: 'heading', depth: h[1].length as 3 | 4 | 5 | 6, children: [{ type: 'text', value: headingTitle }], position: { start: { line: line + 1, column: 1 }, end } });
      subheadings.push(headingTitle);
      inline.push({ line, from: text.length - h[2].length });
      current = undefined;
      open = undefined;
      inParagraph = false;
      continue;
    }
    // An indented line right below a paragraph continues it; anywhere else it is the parser's call.
    const indent = INDENT.exec(text)?.[0].length ?? 0;
    if (indent > 0 && !open && !inParagraph) {
      // After blank lines, 2–5 spaces (the item's content column, plus less than a code indent)
      // start another paragraph of the list's last item, as converted post-mortems write an entry's
      // description below its time. The list is still open only while `current` is.
      const item = current?.children[current.children.length - 1];
      if (!item || indent < LOOSE_MIN || indent > LOOSE_MAX || !isParagraphText(text.slice(indent), false)) return undefined;
      const paragraph: Paragraph = { type: 'paragraph', children: [], position: { start: { line: line + 1, column: indent + 1 }, end } };
      item.children.push(paragraph);
      item.position = { start: item.position!.start, end };
      open = { paragraph, item };
      inline.push({ line, from: indent });
      continue;
    }
    if (!isParagraphText(text.slice(indent), open !== undefined || inParagraph)) return undefined;
    inline.push({ line, from: indent });
    if (open) {
      // A continuation (indented or lazy): the item's paragraph, and the item, now end on this line.
      open.paragraph.position = { start: open.paragraph.position!.start, end };
      open.item.position = { start: open.item.position!.start, end };
      continue;
    }
    if (!inParagraph) {
      children.push({ type: 'paragraph', children: [], position: { start: { line: line + 1, column: 1 }, end } });
      inParagraph = true;
    }
    // A paragraph at column 0 ends the list above it.
    current = undefined;
  }
  return { tree: { type: 'root', children }, headingTitle: title, subheadings, inline };
}
