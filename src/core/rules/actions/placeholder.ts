import type { Rule } from '../../lint/rule';
import { actionPlaceholders } from '../../actions/placeholders';
import { itemTextRange, quoteItem } from './itemRanges';

/**
 * An action item still holding the `pm-action` snippet's or the template's placeholders (`@owner`,
 * `TICKET-1`, "What to change"): `postmortem actions` and the metrics would count an owner called
 * "owner" and a ticket that does not exist. Info while drafting, a warning from in-review, like the
 * other template leftovers. (`due:YYYY-MM-DD` is actions/bad-due's.)
 */
export const actionPlaceholder: Rule = {
  code: 'actions/placeholder',
  defaultSeverity: 'warning',
  description: 'An action item keeps none of the `pm-action` snippet\'s or the template\'s placeholders (`@owner`, `TICKET-1`, "What to change"); info in a draft, a warning from in-review.',
  check(ctx) {
    for (const item of ctx.doc.actionItems) {
      if (item.isDone) continue;
      const left = actionPlaceholders(item);
      if (left.length === 0) continue;
      ctx.report({
        range: itemTextRange(item),
        severity: ctx.status === 'draft' ? 'info' : undefined,
        message: `Expected a real task, owner and ticket on action item ${quoteItem(item)}, found the placeholder ${left.join(', ')}: replace ${left.length > 1 ? 'them' : 'it'} or delete ${left.length > 1 ? 'them' : 'it'}`,
      });
    }
  },
};
