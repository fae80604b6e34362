import type { Rule } from '../../lint/rule';
import { dueFixes } from './fixChoices';
import { itemTextRange, quoteItem } from './itemRanges';

/**
 * Open action items need a due date, or follow-through cannot be tracked. Bad dates are `actions/bad-due`'s.
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
      ctx.report({
        range: itemTextRange(item),
        severity: ctx.status === 'draft' ? 'info' : undefined,
        message: `Expected a due date ${how} on action item ${quoteItem(item)}`,
        fixes: dueFixes(ctx, ctx.doc, item),
      });
    }
  },
};
