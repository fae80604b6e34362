import { appendAll } from '../../collections/appendAll';
import type { Rule } from '../../lint/rule';
import type { Fix } from '../../types';
import { fixToday, moveDueFixes } from './fixChoices';
import { doneEdits } from './doneEdits';
import { quoteItem, tokenRange } from './itemRanges';

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * An open item whose due date is before today where the writer is (the same "today" the fixes and
 * `done:` use; UTC's when the host does not know the writer's zone). "Now" comes from the host.
 * The fixes do what the message says: mark it done (dated today), move the date a week on, or pick
 * a date. None is preferred: which one is true only the team knows.
 */
export const overdue: Rule = {
  code: 'actions/overdue',
  defaultSeverity: 'warning',
  description: "Open action items are done by their due date (compared with today's date where the writer is: the CLI's `TZ`, the editor's `postmortem.zone`).",
  check(ctx) {
    const local = fixToday(ctx);
    const today = local.date;
    for (const item of ctx.doc.actionItems) {
      if (item.isDone || !item.due || item.due.value >= today) continue;
      const days = daysBetween(item.due.value, today);
      const fixes: Fix[] = [];
      const done = doneEdits(ctx.doc, item, true, local.date);
      if (done.kind === 'edits') fixes.push({ title: item.form === 'task' ? `Mark done (done:${local.date}, ${local.label})` : `Mark done (Status: Done (${local.date}), ${local.label})`, edits: done.edits });
      appendAll(fixes, moveDueFixes(ctx, ctx.doc, item));
      ctx.report({
        range: tokenRange(item, item.due),
        message: `Expected action item ${quoteItem(item)} to be done by ${item.due.value}; it is ${days} day${days === 1 ? '' : 's'} overdue${local.label === 'today' ? '' : ' (dates in UTC)'} (mark it done or agree a new date)`,
        fixes,
      });
    }
  },
};
