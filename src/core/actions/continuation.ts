import type { LineIndex } from '../text/lineIndex';
import { readableText } from './itemGrammar';

/**
 * Lines that end a paragraph instead of continuing it (CommonMark: a block that may interrupt a
 * paragraph): list items (also nested ones), ATX headings, block quotes, fences, thematic breaks and
 * HTML blocks of kinds 1–6. Indentation never matters for the rest: indented code cannot interrupt.
 */
const INTERRUPTS = [
  /^\s*(?:[-*+]|\d{1,9}[.)])(?:\s|$)/,
  /^ {0,3}#{1,6}(?:[ \t]|$)/,
  /^ {0,3}>/,
  /^ {0,3}(?:`{3,}|~{3,})/,
  /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/,
  /^ {0,3}<(?:!--|\?|![A-Za-z]|!\[CDATA\[|\/?(?:script|pre|style|textarea|address|article|aside|blockquote|details|dialog|div|dl|dt|dd|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|section|summary|table|tbody|td|tfoot|th|thead|tr|ul)(?:\s|\/?>|$))/i,
];

export function continuesParagraph(text: string): boolean {
  return text.trim() !== '' && !INTERRUPTS.some((p) => p.test(text));
}

/**
 * The text of the lines after a task line that continue its paragraph (indented or lazy), as the
 * description shows it. The line-level counterpart of what the Markdown parse gives (extract.ts),
 * for the workspace index's scanner. `endLine` is exclusive (the end of the section).
 */
export function continuationAfter(lines: LineIndex, taskLine: number, endLine: number): string {
  const parts: string[] = [];
  for (let l = taskLine + 1; l < endLine && continuesParagraph(lines.lineText(l)); l++) parts.push(lines.lineText(l));
  return parts.length ? readableText(parts.join(' ')) : '';
}

/** Task items with their continuation lines added to the description (table rows have none). */
export function withContinuations<T extends { readonly line: number; readonly form: string; readonly description: string }>(
  items: readonly T[], lines: LineIndex, endLine: number,
): T[] {
  return items.map((item) => {
    if (item.form !== 'task') return item;
    const more = continuationAfter(lines, item.line, endLine);
    return more ? { ...item, description: joinDescription(item.description, more) } : item;
  });
}

/** The task line's description followed by its continuation text. */
export function joinDescription(first: string, more: string): string {
  return more ? `${first} ${more}`.trim() : first;
}
