import type { Code, List, ListItem, Paragraph, Root } from 'mdast';
import type { LineIndex } from '../text/lineIndex';
import { parseSectionMarkdown } from './markdown';
import { plainText } from './mdastUtil';
import { readPlainTable } from './plainTables';

/**
 * The line-level fast path for Timeline and Action items sections. Most are written as lists —
 * `- 14:09Z …`, `- [ ] … @owner`, `1. [ ] …` — perhaps under day or topic sub-headings
 * (`### 2026-11-20`, `### Short term`), with a line of prose ("All times UTC.") or the template's
 * HTML comments between, and extracting their entries needs only where each top-level item starts
 * (and, for tasks, whether it is checked, and where its paragraph ends). When every line of the
 * section is provably one of those, that is read from the lines and handed to the extractors as a
 * skeleton tree; anything the line rules cannot vouch for returns undefined and the caller parses
 * the section with remark. Either way the extracted entries are the same
 * (test/unit/document/fastPaths.test.ts). The rules follow micromark's list tokenizer: an item's
 * content column is its marker plus 1–4 spaces; a line indented that far belongs to the item; a
 * line at column 0 with the same kind of marker is a sibling; another kind starts a new list only
 * where it may interrupt a paragraph (a bullet, or `1.`/`1)`), or the full parse decides.
 */

/** `- text`, `1. text` at column 0 with 1–4 spaces after the marker (5 would make the content indented code). */
const ITEM_LINE = /^(?:([-*+])|(\d{1,9})([.)]))( {1,4})(\S.*)$/;
/** What a task check is to GFM: `[ ]`/`[x]` first in the item, then spaces and non-space content. */
const TASK_CHECK = /^\[([ xX])\] +\S/;
/** Anything GFM might read as a task check, or not: `[ ]` alone, a tab in the box. */
const TASK_LIKE = /^\[[ \txX]\]/;
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
  /**
   * Where inline text starts on each line that holds some (items after their box, prose, sub-headings),
   * in order. Complete only without `opaqueItemBodies`.
   */
  readonly inline: readonly { readonly line: number; readonly from: number }[];
}

export interface PlainListOptions {
  /**
   * Only where the top-level items start is wanted (a Timeline): what an item holds below or after
   * its first paragraph (nested lists, code, quotes, HTML) is not read, since every line indented to
   * the item's content belongs to the item whatever it is. Nested items are then not in the tree.
   * Without it (Action items, where nested tasks count), an item may still hold nested blocks
   * whose lines have no `[` (so no task, at any depth) when they start after a blank line or with
   * a bullet (which ends the item's first paragraph, where a task's description is read).
   */
  readonly opaqueItemBodies?: boolean;
  /** Read plain GFM tables (plainTables.ts) too; their cells are not in `inline`. */
  readonly tables?: boolean;
}

/** `### Title`: an ATX sub-heading with one space after the marks (its title is checked apart). */
const SUB_HEADING = /^(#{3,6}) +(\S.*)$/;
/** A line of only `-`, `*`, `_` and blanks may be a thematic break or a setext underline. */
const RULE_LIKE = /^[-*_ \t]+$/;
/** A bullet item with content, which always interrupts a paragraph. */
const NESTED_BULLET = /^[-*+] +\S/;
const ATX_OPENER = /^#{1,6}(?:[ \t]|$)/;
const SETEXT_EQUALS = /^=+[ \t]*$/;

/**
 * Whether a line starting with `[` may open a link reference or footnote definition: unless its
 * first `]` comes before any `\` or `[` and is not followed by `:`, the parser decides.
 */
function mayBeDefinition(text: string): boolean {
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (c === ']') return text[i + 1] === ':';
    if (c === '\\' || c === '[') return true;
  }
  // The label may go on over the next line.
  return true;
}

/**
 * Text that is paragraph text to CommonMark whatever surrounds it: not a block start (`*`/`_`
 * emphasis is, unless the line could be a rule or `*` a bullet; a code span is, unless it is a fence;
 * `#123` is, unless it is a heading), no `|` or `:-` (a table row, which makes the line above a
 * table header). A paragraph's first line must not be a
 * reference or footnote definition; a continuation line may start with `[` (a reference definition
 * cannot interrupt a paragraph; a footnote definition can).
 */
function isParagraphText(text: string, continuation: boolean): boolean {
  if (text.includes('|') || RULE_LIKE.test(text)) return false;
  const first = text[0];
  switch (first) {
    case '*':
      return text.length > 1 && text[1] !== ' ' && text[1] !== '\t';
    case '_':
      return true;
    case '`':
    case '~':
      return !text.startsWith(first.repeat(3));
    case '#':
      return !ATX_OPENER.test(text);
    case '=':
      return !SETEXT_EQUALS.test(text);
    case '[':
      // A footnote definition (`[^1]:`) is a container in GFM: it may interrupt a paragraph.
      return (continuation && text[1] !== '^') || !mayBeDefinition(text);
    case ':':
      // `:-` may be a table's delimiter row, making the line above its header.
      return !/^:[ \t]*-/.test(text);
    default:
      return !/^\s/.test(text) && !BLOCK_START.test(text);
  }
}

/** The item whose lines are being read: where its content starts and what its last block is. */
interface OpenItem {
  readonly node: ListItem;
  readonly contentColumn: number;
  /** Its first paragraph (the extractors read a task's description from it). */
  readonly paragraph: Paragraph;
  /**
   * `paragraph`: its last block is a paragraph that a lazy line would continue (no blank line since);
   * `closed`: a blank line came after its last block; `opaque`: it holds blocks not read.
   */
  state: 'paragraph' | 'closed' | 'opaque';
  /** The paragraph a continuation line extends (the first or a later one). */
  last: Paragraph;
}

/** A tag at column 0 (`<img …>`, `</div>`, `<START OF OUTAGE>`): an HTML block of type 6 or 7, or a paragraph. */
const HTML_LINE = /^<[A-Za-z/]/;
/** HTML blocks of type 1, which run on past blank lines to their closing tag. */
const RAW_HTML = /^<\/?(?:script|pre|style|textarea)/i;

/** A code fence opener: up to 3 spaces, then 3 or more backticks or tildes (the info string follows). */
const FENCE_OPEN = /^ {0,3}(?:`{3,}(?!`)|~{3,}(?!~))/;
/** A closing fence: up to 3 spaces, the fence characters, nothing else but blanks. */
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/**
 * The fenced code block opening at `open` (CommonMark 4.5): it ends at a closing fence of the same
 * character and at least as long, or at the section's end. Undefined when a backtick fence's info
 * holds a backtick (then it is no fence) or the info has escapes or entities (the tree decodes them).
 */
function readFence(lines: LineIndex, open: number, indent: number, marks: string, info: string): { node: Code; last: number } | undefined {
  if ((marks[0] === '`' && info.includes('`')) || /[\\&]/.test(info)) return undefined;
  let last = open;
  let closed = false;
  while (last + 1 < lines.lineCount) {
    const close = FENCE_CLOSE.exec(lines.lineText(++last));
    if (close && close[1][0] === marks[0] && close[1].length >= marks.length) {
      closed = true;
      break;
    }
  }
  // Unclosed, it runs to the section's end; the empty line after a final line break is no line of it.
  const contentEnd = closed ? last : last > open && lines.lineText(last) === '' && lines.lineStart(last) === lines.text.length ? last : last + 1;
  let value = '';
  for (let l = open + 1; l < contentEnd; l++) {
    const t = lines.lineText(l);
    // Content lines lose up to as many leading spaces as the opener had; line breaks stay as written (CRLF too).
    if (l > open + 1) value += lines.text.slice(lines.lineStart(l - 1) + lines.lineText(l - 1).length, lines.lineStart(l));
    value += t.slice(Math.min(indent, /^ */.exec(t)![0].length));
  }
  const words = info.trim();
  const space = words.search(/[ \t]/);
  const node: Code = {
    type: 'code',
    lang: words === '' ? null : space === -1 ? words : words.slice(0, space),
    meta: space === -1 ? null : words.slice(space).trim() || null,
    value,
    position: { start: { line: open + 1, column: indent + 1 }, end: { line: last + 1, column: lines.lineText(last).length + 1 } },
  };
  return { node, last };
}

/** `<!--` at column 0 opens an HTML block that ends on the first line holding `-->` (CommonMark type 2). */
const COMMENT_OPEN = '<!--';

/**
 * Reads a section whose lines after its heading are only blank lines, list items, their lazy
 * continuation lines and further indented paragraphs, sub-headings, prose lines and HTML comments.
 * `title` is the heading title as the section scanner read it. Undefined when the full parse is needed.
 */
export function readPlainListSection(lines: LineIndex, title: string, options: PlainListOptions = {}): PlainListSection | undefined {
  if (!hasPlainLineBreaks(lines.text) || HEADING_MARKUP.test(title)) return undefined;
  const opaque = options.opaqueItemBodies === true;
  const children: Root['children'] = [];
  const subheadings: string[] = [];
  /** The open top-level list: its kind (a bullet character, or `.`/`)` for ordered) and node. */
  let current: { node: List; marker: string } | undefined;
  let item: OpenItem | undefined;
  let inParagraph = false;
  let blankBefore = true;
  const inline: { line: number; from: number }[] = [];
  const closeAll = () => {
    current = undefined;
    item = undefined;
    inParagraph = false;
  };
  for (let line = 1; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    const end = { line: line + 1, column: text.length + 1 };
    const afterBlank = blankBefore;
    blankBefore = false;
    if (BLANK.test(text)) {
      blankBefore = true;
      inParagraph = false;
      if (item && item.state === 'paragraph') item.state = 'closed';
      continue;
    }
    const m = ITEM_LINE.exec(text);
    if (m) {
      if (RULE_LIKE.test(text)) return undefined;
      const marker = m[1] ?? m[3];
      const content = m[5];
      const contentColumn = (m[1] ? 1 : m[2].length + 1) + m[4].length;
      const sibling = current !== undefined && current.marker === marker && (m[1] === undefined) === current.node.ordered;
      // A new ordered list that could not interrupt a paragraph (`2.`): whether it is one is the parser's call.
      if (!sibling && m[2] !== undefined && m[2] !== '1') return undefined;
      let checked: boolean | null = null;
      let from = contentColumn;
      let state: OpenItem['state'] = 'paragraph';
      if (TASK_CHECK.test(content)) {
        const task = TASK_CHECK.exec(content)!;
        checked = task[1] !== ' ';
        from += task[0].length - 1;
      } else if (TASK_LIKE.test(content) || !isParagraphText(content, false)) {
        // `[ ]` alone, a tab in the box, a nested block: what GFM makes of it is the parser's call,
        // unless only where the item starts is wanted.
        if (!opaque) return undefined;
        state = 'opaque';
      }
      if (state === 'paragraph') inline.push({ line, from });
      if (!sibling) {
        current = { node: { type: 'list', ordered: m[1] === undefined, spread: false, children: [] }, marker };
        children.push(current.node);
      }
      // The item holds one paragraph (text nodes left out: extractors read lines).
      const paragraph: Paragraph = { type: 'paragraph', children: [], position: { start: { line: line + 1, column: contentColumn + 1 }, end } };
      const node: ListItem = { type: 'listItem', spread: false, checked, children: [paragraph], position: { start: { line: line + 1, column: 1 }, end } };
      current!.node.children.push(node);
      item = { node, contentColumn, paragraph, state, last: paragraph };
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
      closeAll();
      continue;
    }
    const h = SUB_HEADING.exec(text);
    if (h) {
      let headingTitle = h[2].trim();
      // Markup or a closing `#` sequence: its plain text may differ from the raw title.
      if (HEADING_MARKUP.test(headingTitle) || headingTitle.endsWith('#')) {
        const read = markupHeadingText(text, h[1].length, lines.text);
        if (read === undefined) return undefined;
        headingTitle = read;
      }
      children.push({ type: 'heading', depth: h[1].length as 3 | 4 | 5 | 6, children: [{ type: 'text', value: headingTitle }], position: { start: { line: line + 1, column: 1 }, end } });
      subheadings.push(headingTitle);
      inline.push({ line, from: text.length - h[2].length });
      closeAll();
      continue;
    }
    const indent = /^ */.exec(text)![0].length;
    // A fence less indented than an open item's content: a code block at the section's top level
    // (it interrupts a paragraph, so it is never a lazy line; it ends the list). Logs and commands
    // pasted into prose sections are mostly that. Its lines are code: nothing inline, no links.
    const fence = !item || indent < item.contentColumn ? FENCE_OPEN.exec(text) : null;
    if (fence) {
      const code = readFence(lines, line, indent, fence[0].trimStart(), text.slice(fence[0].length));
      if (!code) return undefined;
      children.push(code.node);
      closeAll();
      line = code.last;
      continue;
    }
    if (item && indent >= item.contentColumn) {
      // Indented to the item's content: the item's, whatever it is.
      const rest = text.slice(indent);
      const extra = indent - item.contentColumn;
      if (item.state === 'paragraph' && isParagraphText(rest, true)) {
        extendParagraph(item, end);
        inline.push({ line, from: indent });
      } else if (item.state === 'closed' && extra <= 3 && isParagraphText(rest, false)) {
        // After blank lines: another paragraph of the item, as converted post-mortems write an
        // entry's description below its time.
        const paragraph: Paragraph = { type: 'paragraph', children: [], position: { start: { line: line + 1, column: indent + 1 }, end } };
        item.node.children.push(paragraph);
        item.last = paragraph;
        item.state = 'paragraph';
        item.node.position = { start: item.node.position!.start, end };
        inline.push({ line, from: indent });
      } else if (opaque || (!text.includes('[') && (item.state !== 'paragraph' || (extra <= 3 && NESTED_BULLET.test(rest))))) {
        item.state = 'opaque';
      } else {
        return undefined;
      }
      continue;
    }
    if (item && !afterBlank) {
      // Less indented, right below the item: a lazy continuation of its paragraph, or the parser's call.
      if (item.state !== 'paragraph' || !isParagraphText(text.slice(indent), true)) return undefined;
      extendParagraph(item, end);
      inline.push({ line, from: indent });
      continue;
    }
    if (HTML_LINE.test(text) && !RAW_HTML.test(text) && !inParagraph) {
      // `<img …>`, `<START OF OUTAGE>`: an HTML block (types 6 and 7 end at a blank line) or a
      // paragraph. Either way one block up to the next blank line, provided every line until then
      // would continue a paragraph (a list item, say, would end the paragraph but not the HTML).
      let last = line;
      while (last + 1 < lines.lineCount && !BLANK.test(lines.lineText(last + 1))) {
        if (!isParagraphText(lines.lineText(last + 1), true)) return undefined;
        last++;
      }
      children.push({ type: 'html', value: '', position: { start: { line: line + 1, column: 1 }, end: { line: last + 1, column: lines.lineText(last).length + 1 } } });
      for (let l = line; l <= last; l++) inline.push({ line: l, from: 0 });
      closeAll();
      line = last;
      continue;
    }
    if (options.tables && text.startsWith('|') && !inParagraph) {
      // Not right below an item (that is the branch above) nor a paragraph: a table, or the parser's call.
      const read = readPlainTable(lines, line);
      if (!read) return undefined;
      children.push(read.table);
      closeAll();
      // The table ends at a blank line (read next) or the section's end.
      line = read.next - 1;
      continue;
    }
    // Outside any item. An indented line right below a paragraph continues it; anywhere else it is the parser's call.
    if (indent > 0 && !inParagraph) return undefined;
    if (!isParagraphText(text.slice(indent), inParagraph)) return undefined;
    inline.push({ line, from: indent });
    if (!inParagraph) {
      children.push({ type: 'paragraph', children: [], position: { start: { line: line + 1, column: 1 }, end } });
      inParagraph = true;
    }
    // A paragraph at column 0 ends the list above it.
    current = undefined;
    item = undefined;
  }
  return { tree: { type: 'root', children }, headingTitle: title, subheadings, inline };
}

/**
 * The plain text of a sub-heading with markup (`### _2026-11-20_`, `### Later ([#12](…))`), from a
 * parse of that line alone: a heading is one line, and only reference definitions elsewhere in the
 * section (`]:`) could make the line read otherwise there. Undefined when there are some, or when the
 * line does not read as a heading of that depth on its own.
 */
function markupHeadingText(line: string, depth: number, sectionText: string): string | undefined {
  if (sectionText.includes(']:')) return undefined;
  const tree = parseSectionMarkdown(line);
  const heading = tree.children[0];
  if (tree.children.length !== 1 || heading?.type !== 'heading' || heading.depth !== depth) return undefined;
  return plainText(heading).trim();
}

/** A continuation line: the item's latest paragraph, and the item, now end on this line. */
function extendParagraph(item: OpenItem, end: { line: number; column: number }): void {
  item.last.position = { start: item.last.position!.start, end };
  item.node.position = { start: item.node.position!.start, end };
}
