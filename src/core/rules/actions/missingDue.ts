import type { Rule } from '../../lint/rule';
import { dueFixes } from './fixChoices';
import { itemTextRange, quoteItem, tokenRange } from './itemRanges';
import { continuationNote, continuationToken } from './continuationTokens';

/**
 * Open action items need a due date, or follow-through cannot be tracked. Bad dates are `actions/bad-due`'s.
 * Due words whose date is not read (`due 03/04`, `due by Friday`: actions/dueDate.ts) are said here, with why.
 * The fixes offer the configured default (`defaultDueDays` from today) or a picked date.
 */
export const missingDue: Rule = {
  code: 'actions/missing-due',
  defaultSeverity: 'warning',
  description: 'Every open action item has a due date (`due:YYYY-MM-DD`, or the Due column of an action table).',
  check(ctx) {
    for (const item of ctx.doc.actionItems) {
      if (item.isDone || item.due || item.badDue) continue;
      const how = item.form === 'table' ? 'in the Due column (YYYY-MM-DD)' : '(`due:YYYY-MM-DD`)';
      // Due words with a date that is not read (`due 03/04`, `due by Friday`): say what was seen and why it was not read.
      const unread = item.dueUnread ? `: "${item.dueUnread.value}" is not read: ${item.dueUnread.why}` : '';
      // `- [ ] Add alert` / `  due 2026-12-20`: the date is there, on the next line, where it is not read (trial13a).
      const below = unread ? undefined : continuationToken(ctx.doc, item, 'due');
      ctx.report({
        range: unread && item.dueUnread ? tokenRange(item, item.dueUnread) : itemTextRange(item),
        severity: ctx.status === 'draft' ? 'info' : undefined,
        message: `Expected a due date ${how} on ${below ? 'the task line of ' : ''}action item ${quoteItem(item)}${unread}${below ? continuationNote(below, 'a due date') : ''}`,
        fixes: below ? [below.fix] : dueFixes(ctx, ctx.doc, item),
      });
    }
  },
};
