import type { Rule } from '../../lint/rule';
import { itemTextRange, quoteItem } from './itemRanges';

/**
 * Once a post-mortem is published nobody re-reads it: open items need a ticket in the team's
 * tracker to be followed through. Only published documents, so drafts are not nagged.
 */
export const noTicket: Rule = {
  code: 'actions/no-ticket',
  defaultSeverity: 'info',
  description: 'Open action items of a published post-mortem link a ticket (`OPS-123`, `#123` or a URL).',
  check(ctx) {
    if (ctx.status !== 'published') return;
    for (const item of ctx.doc.actionItems) {
      if (item.isDone || item.ticket) continue;
      ctx.report({
        range: itemTextRange(item),
        message: `Expected a ticket (\`OPS-123\`, \`#123\` or a URL) on open action item ${quoteItem(item)}, so it is tracked after publication`,
      });
    }
  },
};
