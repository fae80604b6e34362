import type { ActionItem, PostmortemDocument } from '../../document/model';
import type { Rule } from '../../lint/rule';
import type { Fix, TextEdit } from '../../types';
import { doneEdits } from './doneEdits';
import { fixToday } from './fixChoices';
import { itemTextRange, quoteItem } from './itemRanges';

/** A line that starts a new item or block at `indent` or less, or a blank line: the item above ends there. */
function endsItem(lineText: string, indent: number): boolean {
  if (lineText.trim() === '') return true;
  const lead = lineText.length - lineText.trimStart().length;
  return lead <= indent && /^\s*(?:[-*+]|\d{1,9}[.)])\s/.test(lineText);
}

/**
 * The edit that deletes the item's line, offered only when the item is that one line: a task item
 * with continuation lines or sub-items under it, deleted by its first line, would leave them behind
 * as another item's text. A table row is one line.
 */
function removeLineEdit(doc: PostmortemDocument, item: ActionItem): TextEdit | undefined {
  const { line } = item;
  const last = doc.lines.lineCount - 1;
  if (item.form === 'task' && line < last) {
    const text = doc.lines.lineText(line);
    if (!endsItem(doc.lines.lineText(line + 1), text.length - text.trimStart().length)) return undefined;
  }
  if (line < last) return { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' };
  if (line === 0) return { range: doc.lines.lineRange(line), newText: '' };
  return { range: { start: { line: line - 1, character: doc.lines.lineText(line - 1).length }, end: { line, character: doc.lines.lineText(line).length } }, newText: '' };
}

/**
 * An open item whose text is struck out (`- [ ] ~~Drop the cache~~ @lee`): teams strike an item to
 * drop it, but the checkbox decides, so it stays open — counted in the open and overdue numbers of
 * the sidebar, `actions` and the metrics. Said here so that counting is not silent (trial11 T10); the
 * fixes do what the message says: tick it (done today) or delete the line. Neither is preferred.
 */
export const struckOut: Rule = {
  code: 'actions/struck-out',
  defaultSeverity: 'info',
  description: 'A struck-out action item (`~~…~~`) whose box is not ticked still counts as open: tick it or delete it.',
  check(ctx) {
    for (const item of ctx.doc.actionItems) {
      // Decided once by the reader (actions/struck.ts), so `actions`, the sidebar and the metrics mark the same items.
      if (item.isDone || !item.struck) continue;
      const today = fixToday(ctx);
      const fixes: Fix[] = [];
      const done = doneEdits(ctx.doc, item, true, today.date);
      if (done.kind === 'edits') fixes.push({ title: item.form === 'task' ? `Mark done (done:${today.date}, ${today.label})` : `Mark done (Status: Done (${today.date}), ${today.label})`, edits: done.edits });
      const removal = removeLineEdit(ctx.doc, item);
      if (removal) fixes.push({ title: item.form === 'task' ? 'Delete the item' : 'Delete the row', edits: [removal] });
      ctx.report({
        range: itemTextRange(item),
        message: `Expected struck-out action item ${quoteItem(item)} to be ticked (done) or deleted: its box is not ticked, so it is still counted as open${item.due && item.due.value < today.date ? ' and overdue' : ''}`,
        fixes,
      });
    }
  },
};
