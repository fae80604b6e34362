import type { Rule } from '../../lint/rule';
import { itemTextRange, quoteItem } from './itemRanges';
import { continuationNote, continuationToken } from './continuationTokens';

/**
 * Once a post-mortem is published nobody re-reads it: open items need a ticket in the team's
 * tracker to be followed through. Only published documents, so drafts are not nagged — except an
 * open item whose ticket is written on a line under the task line (`- [ ] Add tests` /
 * `  ([Issue](…/issues/1791))`, a list wrapped at 80 columns), where it is not read: said in any
 * status, with the fix that joins the lines (trial 17c F4; `actions` says it too: `ticketBelow`).
 */
export const noTicket: Rule = {
  code: 'actions/no-ticket',
  defaultSeverity: 'info',
  description: 'Open action items of a published post-mortem link a ticket (`OPS-123`, `#123` or a URL); in any status, a ticket written under the task line, where it is not read, is said.',
  check(ctx) {
    for (const item of ctx.doc.actionItems) {
      if (item.isDone || item.ticket) continue;
      const below = continuationToken(ctx.doc, item, 'ticket');
      if (below) {
        ctx.report({
          range: itemTextRange(item),
          message: `Expected the ticket on the task line of action item ${quoteItem(item)}${continuationNote(below, 'a ticket')}`,
          fixes: [below.fix],
        });
        continue;
      }
      if (ctx.status !== 'published') continue;
      ctx.report({
        range: itemTextRange(item),
        message: `Expected a ticket (\`OPS-123\`, \`#123\` or a URL) on open action item ${quoteItem(item)}, so it is tracked after publication`,
      });
    }
  },
};
