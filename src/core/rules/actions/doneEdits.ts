import type { ActionItem, PostmortemDocument } from '../../document/model';
import type { TextEdit } from '../../types';
import { markDoneEdits } from './itemEdits';

export type DoneEdits =
  | { readonly kind: 'edits'; readonly edits: TextEdit[] }
  | { readonly kind: 'unchanged' | 'missing'; readonly message: string };

/**
 * The one edit that marks an action item done or reopens it, for every host: the overdue rule's
 * "Mark done" fix and the action-items view's Mark done / Reopen. Done: `[x]` and `done:<today>`
 * after the item's text (before a trailing comment), or `Done` in a table's status cell. Reopen:
 * `[ ]` with the done date and one space before it removed, or `Open` in the status cell.
 * `today` is the writer's date (see fixFacts.today).
 */
export function doneEdits(doc: PostmortemDocument, item: ActionItem, done: boolean, today: string): DoneEdits {
  if (item.isDone === done) return { kind: 'unchanged', message: done ? 'That action item is already done.' : 'That action item is already open.' };
  const box = item.checkboxRange;
  if (!box) {
    return { kind: 'missing', message: item.form === 'task' ? 'Could not find the checkbox of that action item.' : 'That table has no status column to change; add one (e.g. "Status") to track done items.' };
  }
  if (done) return { kind: 'edits', edits: markDoneEdits(doc, item, today) ?? [] };
  if (item.form === 'table') return { kind: 'edits', edits: [{ range: box, newText: 'Open' }] };
  const edits: TextEdit[] = [{ range: box, newText: '[ ]' }];
  if (item.done) {
    const lineText = doc.lines.lineText(item.line);
    const start = item.textStart + item.done.start;
    const end = item.textStart + item.done.end;
    // Take one neighbouring space with the token so no double space is left behind.
    const before = start > 0 && lineText[start - 1] === ' ' ? 1 : 0;
    edits.push({ range: { start: { line: item.line, character: start - before }, end: { line: item.line, character: end } }, newText: '' });
  }
  return { kind: 'edits', edits };
}
