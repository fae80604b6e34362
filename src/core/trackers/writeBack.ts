/**
 * The edit that writes a created ticket into its action item: the key or URL appended to the item's
 * text (task line, or the action cell of a table row without a Ticket column; with one, into its
 * empty cell), computed on the current text. The item is
 * found by its line and text as they were when the ticket was planned; if it moved, the nearest
 * item with the same text is used; if it was edited, or already has a ticket, nothing is written.
 */
import { parsePostmortem } from '../document/parse';
import type { ActionItem } from '../document/model';
import type { TextEdit } from '../types';

export type WriteBackResult =
  | { readonly kind: 'edit'; readonly edit: TextEdit }
  | { readonly kind: 'refused'; readonly message: string };

export interface WriteBackTarget {
  readonly line: number;
  /** The item's text when the ticket was planned. */
  readonly text: string;
}

export function ticketWriteBack(documentText: string, target: WriteBackTarget, writeBack: string): WriteBackResult {
  return ticketWriteBacks(documentText, [{ target, writeBack }])[0]!;
}

/** Several items of one document at once (one parse): each result in the order given. */
export function ticketWriteBacks(documentText: string, entries: readonly { target: WriteBackTarget; writeBack: string }[]): WriteBackResult[] {
  const doc = parsePostmortem(documentText);
  return entries.map(({ target, writeBack }) => {
    const item = findItem(doc.actionItems, target);
    if (!item) return { kind: 'refused', message: `the item "${clip(target.text)}" is no longer in the file as it was (edited or removed)` };
    if (item.ticket) return { kind: 'refused', message: `the item on line ${item.line + 1} already has a ticket (${item.ticket.value})` };
    const lineText = doc.lines.lineText(item.line);
    // A table with a Ticket column: the address goes into that cell, not after the action (trial18d F9).
    if (item.form === 'table' && item.ticketCell) {
      const cellText = writeBack.replace(/\|/g, '%7C');
      // `||`: the reader's cell starts after its closing pipe; the address goes between the two.
      const closed = lineText.indexOf('|', item.ticketCell.start) >= 0;
      const at = closed ? item.ticketCell.start : item.ticketCell.start - 1;
      const text = closed ? `${/\s/.test(lineText[at - 1] ?? '') ? '' : ' '}${cellText}${lineText[at] === '|' ? ' ' : ''}` : ` ${cellText} `;
      return { kind: 'edit', edit: { range: { start: { line: item.line, character: at }, end: { line: item.line, character: at } }, newText: text } };
    }
    const end = item.textStart + item.text.trimEnd().length;
    if (lineText.slice(item.textStart, end) !== item.text.trimEnd()) return { kind: 'refused', message: `could not place the ticket on line ${item.line + 1}` };
    // Table cells: a `|` in a URL would split the cell; keys and issue URLs have none.
    const text = item.form === 'table' ? writeBack.replace(/\|/g, '%7C') : writeBack;
    return { kind: 'edit', edit: { range: { start: { line: item.line, character: end }, end: { line: item.line, character: end } }, newText: ` ${text}` } };
  });
}

function findItem(items: readonly ActionItem[], target: WriteBackTarget): ActionItem | undefined {
  const same = items.filter((i) => i.text.trimEnd() === target.text.trimEnd());
  if (!same.length) return undefined;
  return same.reduce((a, b) => (Math.abs(a.line - target.line) <= Math.abs(b.line - target.line) ? a : b));
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
