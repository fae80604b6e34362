import { scanOutsideFences } from '../document/sections';
import { atxHeading } from '../text/atxHeading';
import type { LineIndex } from '../text/lineIndex';
import { headerKey, splitTableRow, stripInlineMarkup, tableHeaderWidth } from './tableRows';

/**
 * The block structure of one section as a line scanner sees it, for the summary reader: what is
 * code (fenced or indented), HTML (comments included), a sub-heading, a table, a list item. Only
 * what lies outside code and HTML reaches the visitor, so text in a comment, a fence or the front
 * matter never becomes an action item or a timeline entry. One pass, every test linear in the line.
 */
export interface SectionVisitor {
  /** A heading of level ≥ 3 (a sub-heading of the section), its text without inline markup. */
  subheading?(line: number, title: string): void;
  /** A GFM table opens: its header cells as the parser compares them (lower case, markup removed). */
  table?(line: number, header: readonly string[]): void;
  /** A row of the table opened last (the delimiter row is not given). */
  row?(line: number, text: string): void;
  /**
   * Any other line with content: `top` when it starts an item of a list at the section's top level,
   * `nested` when it starts an item of a list inside one, `text` otherwise (paragraphs, continuations).
   */
  content?(line: number, text: string, kind: 'top' | 'nested' | 'text'): void;
  /** A line continuing the paragraph of the item that started last (indented or lazy). */
  continuation?(line: number, text: string): void;
}

const LIST_ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])([ \t]+|$)/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const BLOCK_HTML = /^ {0,3}<\/?(?:address|article|aside|blockquote|details|dialog|div|dl|dt|dd|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|section|summary|table|tbody|td|tfoot|th|thead|tr|ul)(?:\s|\/?>|$)/i;
const RAW_HTML_OPEN = /^ {0,3}<(script|pre|style|textarea)(?:\s|>|$)/i;
/** An open or closing tag alone on its line (CommonMark HTML block kind 7), matched by hand below. */
const TAG_NAME = /^[A-Za-z][A-Za-z0-9-]*/;

/** Walks the lines after the section heading (`fromLine` is the heading line, `toLine` exclusive). */
export function walkSection(lines: LineIndex, fromLine: number, toLine: number, visit: SectionVisitor): void {
  let previousBlank = true;
  /** Content columns of the open list items, outermost first: a line indented that far is inside. */
  let items: number[] = [];
  /** The previous line was paragraph text outside any list (an ordered item must then start at 1). */
  let paragraph = false;
  /** Lines since the last `>` are lazy lines of a block quote: they do not stop an ordered list. */
  let quoted = false;
  /** The last line was an item's first line or a continuation of its paragraph. */
  let itemParagraph = false;
  let html: ((text: string) => boolean) | undefined;
  let inTable = false;
  let tableHeaderLine = -1;
  let lastLine = fromLine;
  scanOutsideFences(lines, fromLine + 1, toLine, (line, text) => {
    if (line !== lastLine + 1) {
      // Skipped lines were a fenced block: one at the margin ends the lists and paragraph before it.
      if (indentWidth(lines.lineText(lastLine + 1)) === 0) items = [];
      paragraph = false;
      quoted = false;
      itemParagraph = false;
      previousBlank = false;
    }
    lastLine = line;
    const blank = text.trim() === '';
    const wasBlank = previousBlank;
    previousBlank = blank;
    if (html) {
      if (html(text)) html = undefined;
      return;
    }
    if (inTable) {
      if (blank || line === tableHeaderLine + 1) {
        if (blank) inTable = false;
        return;
      }
      visit.row?.(line, text);
      return;
    }
    const continuesItem = itemParagraph;
    itemParagraph = false;
    if (blank) {
      paragraph = false;
      quoted = false;
      return;
    }
    const indent = indentWidth(text);
    // How many open items this line is indented into.
    let depth = 0;
    while (depth < items.length && indent >= items[depth]) depth++;
    const base = depth > 0 ? items[depth - 1] : 0;
    if (depth === 0) {
      // Four columns past where a block may start, after a blank line or another block: indented code.
      if (indent >= 4 && items.length === 0 && !paragraph && !quoted) return;
      if (indent < 4) {
        const heading = atxHeading(text);
        if (heading) {
          if (heading.level >= 3) visit.subheading?.(line, stripInlineMarkup(heading.title));
          items = [];
          paragraph = false;
          quoted = false;
          return;
        }
        const end = htmlBlockEnd(text, !paragraph && !quoted && !continuesItem);
        if (end) {
          items = [];
          paragraph = false;
          quoted = false;
          if (!end(text.replace(/^\s*<!--/, ''))) html = end;
          return;
        }
        if (THEMATIC_BREAK.test(text)) {
          items = [];
          paragraph = false;
          quoted = false;
          return;
        }
        // A block quote at the margin ends the lists (it is not a lazy continuation); its lines are not items.
        if (/^ {0,3}>/.test(text)) {
          items = [];
          paragraph = false;
          quoted = true;
          return;
        }
      }
    }
    let kind: 'top' | 'nested' | 'text' = 'text';
    const marker = indent - base < 4 ? LIST_ITEM.exec(text.slice(columnOffset(text, base))) : null;
    if (marker && startsItem(marker, paragraph && !quoted && items.length === 0)) {
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
      }
    } else if (continuesItem && !wasBlank && !interrupts(text)) {
      itemParagraph = true;
      visit.continuation?.(line, text);
    }
    if (kind === 'text' && items.length === 0 && text.includes('|') && line + 1 < toLine) {
      const width = tableHeaderWidth(text, lines.lineText(line + 1));
      if (width > 0) {
        inTable = true;
        tableHeaderLine = line;
        paragraph = false;
        visit.table?.(line, splitTableRow(text).map((c) => headerKey(c.text)));
        return;
      }
    }
    if (items.length === 0) paragraph = true;
    visit.content?.(line, text, kind);
  });
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

/** A test for the end line of an HTML block opening on this line, if one opens (CommonMark kinds 1, 2, 6, 7). */
function htmlBlockEnd(text: string, mayStartKind7: boolean): ((text: string) => boolean) | undefined {
  if (/^ {0,3}<!--/.test(text)) return (t) => t.includes('-->');
  const raw = RAW_HTML_OPEN.exec(text);
  if (raw) {
    const close = `</${raw[1].toLowerCase()}>`;
    return (t) => t.toLowerCase().includes(close);
  }
  if (BLOCK_HTML.test(text) || (mayStartKind7 && isLoneTag(text))) return (t) => t.trim() === '';
  return undefined;
}

/**
 * `<tag attr="v">` or `</tag>` alone on a line (HTML block kind 7). Read by hand: the regular
 * expression for it nested quantifiers over attribute characters.
 */
function isLoneTag(text: string): boolean {
  let i = 0;
  while (i < 3 && text.charCodeAt(i) === 32) i++;
  if (text[i] !== '<') return false;
  i++;
  const closing = text[i] === '/';
  if (closing) i++;
  const name = TAG_NAME.exec(text.slice(i, i + 64));
  if (!name) return false;
  i += name[0].length;
  if (!closing) {
    for (;;) {
      const spaced = skipSpaces(text, i);
      const attr = spaced > i ? /^[A-Za-z_:][\w.:-]*/.exec(text.slice(spaced, spaced + 256)) : null;
      if (!attr) break;
      i = spaced + attr[0].length;
      const eq = skipSpaces(text, i);
      if (text[eq] !== '=') continue;
      const value = skipSpaces(text, eq + 1);
      const quote = text[value];
      if (quote === '"' || quote === "'") {
        const close = text.indexOf(quote, value + 1);
        if (close === -1) return false;
        i = close + 1;
      } else {
        let j = value;
        while (j < text.length && !/[\s"'=<>`]/.test(text[j])) j++;
        if (j === value) return false;
        i = j;
      }
    }
  }
  i = skipSpaces(text, i);
  if (!closing && text[i] === '/') i++;
  if (text[i] !== '>') return false;
  return text.slice(i + 1).trim() === '';
}

function skipSpaces(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
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
