import type { LineIndex } from '../text/lineIndex';
import { parseActionText, readableText } from './itemGrammar';

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

/** The task line's description followed by its continuation text. */
export function joinDescription(first: string, more: string): string {
  return more ? `${first} ${more}`.trim() : first;
}

/** Continuation lines looked at for a token, at most: a note under an item is a line or two. */
const MAX_TOKEN_LINES = 20;

/** An owner, due date or ticket written under a task line, where it is not read. */
export interface TokenBelow {
  /** The token as written (`@a`, `due 2026-12-20`). */
  readonly written: string;
  /** 0-based line it is on. */
  readonly line: number;
}

/**
 * The first owner (or due date, or ticket) on the lines continuing a task item's paragraph
 * (`- [ ] Add alert` / `  owner @a, due 2026-12-20`, `  ([Issue](…/issues/1791))`): tokens are read
 * on the task line only, so the item has none, though the user sees one right there. One decision
 * for lint (actions/missing-owner, actions/missing-due, actions/no-ticket, with a fix that joins the
 * lines) and the summary (`ownerBelow`, `dueBelow`, `ticketBelow`: `actions`, the sidebar and the
 * metrics say where it is). `endLine` is
 * exclusive (the section's end).
 */
export function tokenBelow(lines: LineIndex, taskLine: number, endLine: number, kind: 'owner' | 'due' | 'ticket'): TokenBelow | undefined {
  const end = Math.min(endLine, taskLine + 1 + MAX_TOKEN_LINES, lines.lineCount);
  for (let line = taskLine + 1; line < end; line++) {
    const text = lines.lineText(line);
    if (!continuesParagraph(text)) return undefined;
    const parsed = parseActionText(text, { dueInWords: true });
    const token = kind === 'owner' ? parsed.owner : kind === 'ticket' ? parsed.ticket : parsed.due ?? parsed.badDue;
    if (token) return { written: text.slice(token.start, token.end), line };
  }
  return undefined;
}

/** How `actions` and the sidebar say it, after "no owner" / "no due date": ` ("@a" on line 12, under the task line: not read; join it)`. */
export function tokenBelowNote(below: TokenBelow): string {
  return ` ("${shortToken(below.written)}" on line ${below.line + 1}, under the task line: not read; join it)`;
}

/** At most 60 UTF-16 units of a token, never half a surrogate pair: a token runs to the next space, which a pasted line may lack. */
function shortToken(text: string): string {
  if (text.length <= 60) return text;
  const cut = /[\uD800-\uDBFF]/.test(text[58]) ? 58 : 59;
  return `${text.slice(0, cut)}…`;
}
