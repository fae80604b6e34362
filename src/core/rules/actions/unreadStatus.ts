import type { Rule } from '../../lint/rule';
import { readStatusCell } from '../../actions/statusCell';
import { quoteItem } from './itemRanges';

/**
 * A Status cell the tool cannot read is counted as open — in `postmortem actions`, the tree, the
 * metrics and actions/overdue. Said here, on the cell, so a "Fertig?" or a struck-through "~~Done~~"
 * never leaves an item open without a word. Drafts get an info while the review is being written.
 */
export const unreadStatus: Rule = {
  code: 'actions/unread-status',
  defaultSeverity: 'warning',
  description: 'Every non-empty Status cell of an action table reads as done ("Done", "Done ✅", "done (2026-11-01)", "Erledigt"), closed without doing ("Won\'t do", "Cancelled") or open ("Open", "In progress", "Not done"); any other status is counted as open and reported.',
  check(ctx) {
    for (const item of ctx.doc.actionItems) {
      const box = item.checkboxRange;
      if (item.form !== 'table' || !box || box.start.line !== box.end.line) continue;
      const cell = ctx.doc.lines.lineText(box.start.line).slice(box.start.character, box.end.character);
      if (readStatusCell(cell) !== 'unread') continue;
      const shown = cell.length > 40 ? `${cell.slice(0, 37)}…` : cell;
      ctx.report({
        range: box,
        severity: ctx.status === 'draft' ? 'info' : undefined,
        message: `Expected a status read as done (Done, ✅, "done (2026-11-01)"), closed (Won't do) or open (Open, In progress), found "${shown}": action item ${quoteItem(item)} is counted as open`,
      });
    }
  },
};
