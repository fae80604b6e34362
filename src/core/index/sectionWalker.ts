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
}

const LIST_ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])([ \t]+|$)/;
const NESTED_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const BLOCK_HTML = /^ {0,3}<\/?(?:address|article|aside|blockquote|details|dialog|div|dl|dt|dd|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|section|summary|table|tbody|td|tfoot|th|thead|tr|ul)(?:\s|\/?>|$)/i;
const RAW_HTML_OPEN = /^ {0,3}<(script|pre|style|textarea)(?:\s|>|$)/i;
/** An open or closing tag alone on its line (CommonMark HTML block kind 7), matched by hand below. */
const TAG_NAME = /^[A-Za-z][A-Za-z0-9-]*/;

/** Walks the lines after the section heading (`fromLine` is the heading line, `toLine` exclusive). */
export function walkSection(lines: LineIndex, fromLine: number, toLine: number, visit: SectionVisitor): void {
  let previousBlank = true;
  /** The current top-level list item: lines indented at least `contentIndent` belong inside it. */
  let item: { contentIndent: number } | undefined;
  /** The previous line was paragraph text outside any list (an ordered item must then start at 1). */
  let paragraph = false;
  let html: ((text: string) => boolean) | undefined;
  let inTable = false;
  let tableHeaderLine = -1;
  let lastLine = fromLine;
  scanOutsideFences(lines, fromLine + 1, toLine, (line, text) => {
    if (line !== lastLine + 1) {
      // Skipped lines were a fenced block: one at the margin ends the list and paragraph before it.
      if (indentWidth(lines.lineText(lastLine + 1)) === 0) item = undefined;
      paragraph = false;
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
    if (blank) {
      paragraph = false;
      return;
    }
    const indent = indentWidth(text);
    const inside = item !== undefined && indent >= item.contentIndent;
    // Four columns past where a block may start, after a blank line: indented code, not content.
    if (!inside && indent >= 4 && (wasBlank || !paragraph) && item === undefined) return;
    if (!inside && indent < 4) {
      const heading = atxHeading(text);
      if (heading) {
        if (heading.level >= 3) visit.subheading?.(line, stripInlineMarkup(heading.title));
        item = undefined;
        paragraph = false;
        return;
      }
      const end = htmlBlockEnd(text, wasBlank || !paragraph);
      if (end) {
        item = undefined;
        paragraph = false;
        if (!end(text.replace(/^\s*<!--/, ''))) html = end;
        return;
      }
      if (THEMATIC_BREAK.test(text)) {
        item = undefined;
        paragraph = false;
        return;
      }
    }
    let topLevelItem = false;
    if (!inside) {
      const marker = LIST_ITEM.exec(text);
      if (marker && startsItem(marker, text, paragraph && item === undefined)) {
        topLevelItem = true;
        item = { contentIndent: contentIndent(marker, text) };
        paragraph = false;
      } else if (item !== undefined && wasBlank) {
        // Less indented than the item's content after a blank line: the list has ended.
        item = undefined;
      }
    }
    if (!topLevelItem && item === undefined && text.includes('|') && line + 1 < toLine) {
      const width = tableHeaderWidth(text, lines.lineText(line + 1));
      if (width > 0) {
        inTable = true;
        tableHeaderLine = line;
        paragraph = false;
        visit.table?.(line, splitTableRow(text).map((c) => headerKey(c.text)));
        return;
      }
    }
    if (item === undefined) paragraph = true;
    visit.content?.(line, text, topLevelItem ? 'top' : inside && NESTED_ITEM.test(text) ? 'nested' : 'text');
  });
}

/**
 * Whether a list marker starts an item here. Interrupting a paragraph, an item needs content and an
 * ordered one must start at 1 (CommonMark); otherwise any marker does.
 */
function startsItem(marker: RegExpExecArray, text: string, interruptsParagraph: boolean): boolean {
  if (!interruptsParagraph) return true;
  if (text.slice(marker[0].length).trim() === '') return false;
  return !/^\d/.test(marker[2]) || /^0*1[.)]$/.test(marker[2]);
}

/** Column where an item's content starts: after the marker and 1–4 spaces (one when more, or none). */
function contentIndent(marker: RegExpExecArray, text: string): number {
  const before = marker[1].length + marker[2].length;
  const spaces = indentWidth(marker[3]);
  if (text.slice(marker[0].length).trim() === '' || spaces > 4) return before + 1;
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
