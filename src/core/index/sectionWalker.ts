import { atxHeading } from '../text/atxHeading';
import type { LineIndex } from '../text/lineIndex';
import { htmlBlockStart, htmlEndsIn, type HtmlEnd } from './htmlBlocks';
import { headerKey, splitTableRow, stripInlineMarkup, tableHeaderWidth } from './tableRows';

/**
 * The block structure of one section as a line scanner sees it, for the summary reader: what is
 * code (fenced or indented), HTML (comments included), a sub-heading, a table, a list item. Only
 * what lies outside code and HTML reaches the visitor, so text in a comment, a fence or the front
 * matter never becomes an action item or a timeline entry. One pass, every test linear in the line.
 */
export interface SectionVisitor {
  /** Any ATX heading outside code, HTML and list items, its text as written (the section split). */
  heading?(line: number, level: number, title: string): void;
  /** A heading of level ≥ 3 (a sub-heading of the section), its text without inline markup. */
  subheading?(line: number, title: string): void;
  /** A GFM table opens: its header cells as the parser compares them (lower case, markup removed). */
  table?(line: number, header: readonly string[]): void;
  /** A row of the table opened last (the delimiter row is not given). */
  row?(line: number, text: string): void;
  /**
   * Any other line with content: `top` when it starts an item of a list at the section's top level,
   * `nested` when it starts an item of a list inside one, `text` otherwise (paragraphs, continuations).
   * `afterCode`: a `text` line whose list marker did not start an item because an indented code
   * block is right above it (micromark reads `2. …` there as a paragraph: an ordered list must then
   * start at 1, as when it interrupts a paragraph).
   */
  content?(line: number, text: string, kind: 'top' | 'nested' | 'text', afterCode?: boolean): void;
  /** A line of an indented code block at the section's top level (four columns in, no list open): code, not content. */
  code?(line: number, text: string): void;
  /** A line continuing the paragraph of the item that started last (indented or lazy). */
  continuation?(line: number, text: string): void;
  /**
   * After the last line: a fence or HTML block still open there (never closed), with the line it
   * opened on. Everything after that line up to `toLine` was its content (document/unclosed-comment).
   */
  unclosed?(line: number, block: { readonly fence?: string; readonly html?: HtmlEnd }): void;
  /**
   * An HTML comment that opened on `openLine` and ended with the `-->` on a later line, `closeLine`:
   * every line between is its text (document/comment-hides-content looks at what that hides).
   */
  closedComment?(openLine: number, closeLine: number): void;
  /**
   * A line Markdown reads as a block quote's (`> …` at the margin) or as the raw text of an HTML
   * block of kind 6 or 7 (`<details>` up to the next blank line; `openLine` is where it opened): its
   * list markers are no items here (actions/hidden-task says so for the Action items section).
   */
  hidden?(line: number, text: string, kind: 'quote' | 'html', openLine: number): void;
}

const LIST_ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])([ \t]+|$)/;
/**
 * A GFM footnote definition (`[^1]: …`): a container like a list item whose content is indented
 * four columns (lazy lines continue its paragraph). It interrupts a paragraph, and what follows it
 * is no paragraph to interrupt (`[^1]: note` then `2. [ ] …` is a list, trial17a F3b). The label has
 * no space or bracket; bounded, so linear.
 */
const FOOTNOTE_DEF = /^ {0,3}\[\^[^\]\[\s]{1,999}\]:/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
/** A line of `=` (level 1) or `-` (level 2) under a paragraph: the paragraph is a heading (CommonMark setext). */
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
/** Lines of a setext heading's text looked at (a heading is a line or two; a longer paragraph is walked as one). */
const MAX_SETEXT_LINES = 20;
/** Characters of a setext heading's text kept for its title: longer than any section name. */
const MAX_SETEXT_TITLE = 1000;
// The info string is the rest of the line (sliced, never matched): a `(.*)$` backtracks over the run.
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/**
 * Walks the lines after the section heading (`fromLine` is the heading line, `toLine` exclusive). A
 * setext heading ("Action items" over `---`) ends with its underline: the walk starts after it.
 */
export function walkSection(lines: LineIndex, fromLine: number, toLine: number, visit: SectionVisitor): void {
  walkLines(lines, fromLine < 0 ? fromLine + 1 : setextEnd(lines, fromLine, toLine) + 1, toLine, visit);
}

/** The last line of the heading that starts on `line`: its setext underline, or `line` itself (an ATX heading, the preamble). */
function setextEnd(lines: LineIndex, line: number, toLine: number): number {
  if (atxHeading(lines.lineText(line)) !== undefined) return line;
  // A setext heading's text is a paragraph: its lines run to the underline with no blank between.
  for (let k = line + 1; k < toLine && k <= line + MAX_SETEXT_LINES; k++) {
    const text = lines.lineText(k);
    if (SETEXT_UNDERLINE.test(text)) return k;
    if (isBlankLine(text)) break;
  }
  return line;
}

/** A fenced code block or an HTML block still open, with the list items it sits in (it ends with them). */
interface OpenBlock {
  /** How many list items hold it, and the content column of the innermost one. */
  readonly depth: number;
  readonly base: number;
  /** A fence: its run (`` ``` ``, `~~~~`); an HTML block: how it ends. */
  readonly fence?: string;
  readonly html?: HtmlEnd;
  /** The line it opened on. */
  readonly line: number;
}

/**
 * Walks lines `first` to `toLine` (exclusive) as CommonMark reads their blocks: a fence or an HTML
 * block (all seven kinds, as micromark ends them) opens where it starts first, so a ``` inside a
 * comment is the comment's text and a `<!--` inside a fence is code; either ends with the list item
 * it sits in. `visit.heading` sees every ATX heading outside code, HTML and list items (the section
 * split), `subheading` those of level 3 and more.
 */
export function walkLines(lines: LineIndex, first: number, toLine: number, visit: SectionVisitor): void {
  let previousBlank = true;
  /** Content columns of the open list items, outermost first: a line indented that far is inside. */
  let items: number[] = [];
  /** The previous line was paragraph text outside any list (an ordered item must then start at 1). */
  let paragraph = false;
  /** Where that paragraph started and its text so far: a setext underline makes it a heading. */
  let paragraphLine = -1;
  let paragraphText = '';
  /** Lines since the last `>` are lazy lines of a block quote: they do not stop an ordered list. */
  let quoted = false;
  /** The last line was an item's first line or a continuation of its paragraph. */
  let itemParagraph = false;
  /** The last line was text of a later paragraph inside an item (after a blank line): it takes lazy lines too, but is no continuation of the item's first paragraph. */
  let itemText = false;
  /**
   * The last line with content was a line of an indented code block at the top level (blank lines
   * since): micromark then refuses an ordered item not numbered 1 and an empty item, as when they
   * would interrupt a paragraph (trial17a F4; CommonMark would start a list there, GitHub's reader
   * follows micromark for lint's sake: the readers agree with the tree lint checks).
   */
  let afterCode = false;
  let block: OpenBlock | undefined;
  let inTable = false;
  let tableHeaderLine = -1;
  for (let line = first; line < toLine; line++) {
    const raw = lines.lineText(line);
    // A byte order mark starts the file, not its first line's Markdown (CommonMark strips it too).
    const text = line === 0 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    const blank = isBlankLine(text);
    const wasBlank = previousBlank;
    previousBlank = blank;
    if (block) {
      if (blank) {
        if (block.html === 'blank') block = undefined;
        continue;
      }
      if (indentWidth(text) >= block.base) {
        if (block.html === 'blank') visit.hidden?.(line, text, 'html', block.line);
        if (block.fence !== undefined ? closesFence(text.slice(columnOffset(text, block.base)), block.fence) : block.html !== 'blank' && htmlEndsIn(text, 0, block.html!)) {
          if (block.html === 'comment') visit.closedComment?.(block.line, line);
          block = undefined;
        }
        continue;
      }
      // Less indented than the item holding it: the item ends, and the block with it (neither
      // takes lazy lines). The items this line is not indented into end too.
      block = undefined;
      const indent = indentWidth(text);
      let depth = 0;
      while (depth < items.length && indent >= items[depth]) depth++;
      items = items.slice(0, depth);
      paragraph = false;
      quoted = false;
      itemParagraph = false;
    }
    if (inTable) {
      if (blank || line === tableHeaderLine + 1) {
        if (blank) inTable = false;
        continue;
      }
      if (!startsOtherBlock(text)) {
        visit.row?.(line, text);
        continue;
      }
      inTable = false;
    }
    const continuesItem = itemParagraph;
    itemParagraph = false;
    const continuesText = itemText;
    itemText = false;
    if (blank) {
      paragraph = false;
      quoted = false;
      continue;
    }
    const indent = indentWidth(text);
    const codeAbove = afterCode;
    afterCode = false;
    // How many open items this line is indented into.
    let depth = 0;
    while (depth < items.length && indent >= items[depth]) depth++;
    const base = depth > 0 ? items[depth - 1] : 0;
    // Four columns past where a block may start, after a blank line or another block: indented code.
    if (depth === 0 && indent >= 4 && items.length === 0 && !paragraph && !quoted) {
      visit.code?.(line, text);
      afterCode = true;
      continue;
    }
    if (indent - base < 4) {
      const rest = text.slice(columnOffset(text, base));
      const fence = fenceRun(rest);
      // A lone tag (kind 7) cannot interrupt a paragraph; on a lazy line micromark starts it inside
      // the quote or item whose paragraph it would continue, and it ends there with the next line.
      const html = fence === undefined ? htmlBlockStart(rest, !(paragraph || continuesItem || continuesText || quoted)) : undefined;
      if (fence === undefined && !html && (quoted || ((continuesItem || continuesText) && depth < items.length)) && htmlBlockStart(rest, true)) {
        if (!quoted) block = { depth: items.length, base: items[items.length - 1], html: 'blank', line };
        paragraph = false;
        quoted = false;
        continue;
      }
      if (fence !== undefined || html) {
        // A fence or an HTML block interrupts a paragraph; at the margin it ends the lists (no lazy line).
        items = items.slice(0, depth);
        paragraph = false;
        quoted = false;
        if (fence !== undefined || html !== 'closed') block = { depth, base, line, ...(fence !== undefined ? { fence } : { html: html as HtmlEnd }) };
        // The opening line of a block that runs to a blank line is its raw text too (`<ul><li>[ ] …</li></ul>`).
        if (html === 'blank') visit.hidden?.(line, text, 'html', line);
        continue;
      }
    }
    if (depth === 0 && indent < 4) {
      const heading = atxHeading(text);
      if (heading) {
        visit.heading?.(line, heading.level, heading.title);
        if (heading.level >= 3) visit.subheading?.(line, stripInlineMarkup(heading.title));
        items = [];
        paragraph = false;
        quoted = false;
        continue;
      }
      // "Action items" over `---` or `===`: a heading (GitHub shows an H2/H1), reported on its first line.
      if (paragraph && !quoted && items.length === 0 && paragraphLine >= 0 && line - paragraphLine <= MAX_SETEXT_LINES && SETEXT_UNDERLINE.test(text)) {
        const level = text.trimStart()[0] === '=' ? 1 : 2;
        visit.heading?.(paragraphLine, level, paragraphText);
        paragraph = false;
        continue;
      }
      if (THEMATIC_BREAK.test(text)) {
        items = [];
        paragraph = false;
        quoted = false;
        continue;
      }
      // A block quote at the margin ends the lists (it is not a lazy continuation); its lines are not items.
      if (/^ {0,3}>/.test(text)) {
        visit.hidden?.(line, text, 'quote', line);
        items = [];
        paragraph = false;
        quoted = true;
        continue;
      }
    }
    // A footnote definition (`[^1]: …`, at any depth, interrupting a paragraph): a container of its
    // own with content four columns in; its lines are text (no item, no entry), and its paragraph is
    // none that a list item after it would interrupt.
    const footnote = indent - base < 4 && text.includes('[^') ? FOOTNOTE_DEF.exec(text.slice(columnOffset(text, base))) : null;
    if (footnote) {
      items = [...items.slice(0, depth), base + 4];
      paragraph = false;
      quoted = false;
      // Its paragraph takes lazy lines only when it has one (`[^1]:` alone opens none); they are the note's text, no item's continuation.
      itemText = footnote.input.slice(footnote[0].length).trim() !== '';
      visit.content?.(line, text, 'text');
      continue;
    }
    let kind: 'top' | 'nested' | 'text' = 'text';
    const marker = indent - base < 4 && mayStartListItem(text) ? LIST_ITEM.exec(text.slice(columnOffset(text, base))) : null;
    // An item here would interrupt a paragraph: one outside lists, or (nested, the line indented
    // into the innermost item) that item's paragraph (trial17a F3: `    3. [ ] …` under `2. [ ] …`
    // is text of item 2); or it follows an indented code block (micromark, see afterCode).
    const interruptsText = (paragraph && !quoted && items.length === 0) || ((continuesItem || continuesText) && depth === items.length && items.length > 0);
    const refusedAfterCode = marker !== null && codeAbove && depth === 0 && items.length === 0 && !startsItem(marker, true);
    if (marker && !refusedAfterCode && startsItem(marker, interruptsText)) {
      kind = depth === 0 ? 'top' : 'nested';
      items = [...items.slice(0, depth), base + contentIndent(marker)];
      paragraph = false;
      quoted = false;
      itemParagraph = true;
    } else if (depth < items.length) {
      // Less indented than the innermost item's content: after a blank line those items have ended;
      // right after text it is a lazy continuation of the paragraph.
      if (wasBlank) items = items.slice(0, depth);
      else if (continuesItem && !interrupts(text)) {
        itemParagraph = true;
        visit.continuation?.(line, text);
      } else if (continuesText && !interrupts(text)) itemText = true;
      // No paragraph open to take it lazily (after `[^1]:` alone): the items it is not indented into end.
      else items = items.slice(0, depth);
    } else if (continuesItem && !wasBlank && !interrupts(text)) {
      itemParagraph = true;
      visit.continuation?.(line, text);
    } else if (items.length > 0 && !interrupts(text)) itemText = true;
    if (kind === 'text' && items.length === 0 && text.includes('|') && line + 1 < toLine) {
      const width = tableHeaderWidth(text, lines.lineText(line + 1));
      if (width > 0) {
        inTable = true;
        tableHeaderLine = line;
        paragraph = false;
        visit.table?.(line, splitTableRow(text).map((c) => headerKey(c.text)));
        continue;
      }
    }
    if (items.length === 0) {
      if (!paragraph || quoted) {
        paragraphLine = quoted ? -1 : line;
        paragraphText = '';
      }
      if (paragraphText.length < MAX_SETEXT_TITLE) paragraphText = (paragraphText ? `${paragraphText} ${text.trim()}` : text.trim()).slice(0, MAX_SETEXT_TITLE);
      paragraph = true;
    }
    visit.content?.(line, text, kind, refusedAfterCode || undefined);
  }
  if (block && block.html !== 'blank') visit.unclosed?.(block.line, block);
}

/**
 * Whether the line's first character after its indentation can start a list marker (`-`, `*`, `+`
 * or a digit): a cheap test before LIST_ITEM, which most lines (prose, table rows) fail at once.
 */
function mayStartListItem(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) continue;
    return c === 45 || c === 42 || c === 43 || (c >= 48 && c <= 57);
  }
  return false;
}

/** Only spaces and tabs (CommonMark's blank line; a no-break space is text). */
function isBlankLine(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** A line that ends a table's rows by starting another block (a heading, fence, HTML block, list, quote, rule). */
function startsOtherBlock(text: string): boolean {
  if (indentWidth(text) >= 4) return false;
  return atxHeading(text) !== undefined || fenceRun(text) !== undefined || htmlBlockStart(text, false) !== undefined || LIST_ITEM.test(text) || /^ {0,3}>/.test(text) || THEMATIC_BREAK.test(text);
}

/** Blocks that end a paragraph (other than list items, which the walker tracks itself). */
function interrupts(text: string): boolean {
  return /^[ \t]*(?:#{1,6}(?:[ \t]|$)|>|`{3,}|~{3,})/.test(text) || THEMATIC_BREAK.test(text.trimStart()) || /^[ \t]*<(?:!--|\/?(?:div|details|p|table|pre|script|style|ul|ol|li|section|summary)\b)/i.test(text);
}

/** The string offset where `columns` columns of indentation end (tabs count to the next multiple of 4). */
function columnOffset(text: string, columns: number): number {
  let width = 0;
  let i = 0;
  while (i < text.length && width < columns) {
    const c = text.charCodeAt(i);
    if (c === 32) width++;
    else if (c === 9) width += 4 - (width % 4);
    else break;
    i++;
  }
  return i;
}

/**
 * Whether a list marker starts an item here. Interrupting a paragraph, an item needs content and an
 * ordered one must start at 1 (CommonMark); otherwise any marker does.
 */
function startsItem(marker: RegExpExecArray, interruptsParagraph: boolean): boolean {
  if (!interruptsParagraph) return true;
  if (marker.input.slice(marker[0].length).trim() === '') return false;
  return !/^\d/.test(marker[2]) || /^0*1[.)]$/.test(marker[2]);
}

/** Column where an item's content starts: after the marker and 1–4 spaces (one when more, or none). */
function contentIndent(marker: RegExpExecArray): number {
  const before = marker[1].length + marker[2].length;
  const spaces = indentWidth(marker[3]);
  if (marker.input.slice(marker[0].length).trim() === '' || spaces > 4) return before + 1;
  return before + spaces;
}

/** The run of a fence opening on `text` (container prefix removed), if one opens: a ``` fence's info has no backtick. */
function fenceRun(text: string): string | undefined {
  const open = FENCE_OPEN.exec(text);
  if (!open || (open[1][0] === '`' && text.includes('`', open[0].length))) return undefined;
  return open[1];
}

/** Whether `text` closes the fence opened with `run`: the same character, at least as many. */
function closesFence(text: string, run: string): boolean {
  const close = FENCE_CLOSE.exec(text);
  return close !== null && close[1][0] === run[0] && close[1].length >= run.length;
}

export function indentWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) width++;
    else if (c === 9) width += 4 - (width % 4);
    else break;
  }
  return width;
}
