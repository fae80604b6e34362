import type { ActionItem } from '../../document/model';
import type { Rule } from '../../lint/rule';
import type { Fix } from '../../types';
import { quoteItem, tokenRange } from './itemRanges';

function setPriority(item: ActionItem, priority: 'P1' | 'P2'): Fix {
  const edit = item.priority
    ? { range: tokenRange(item, item.priority), newText: priority }
    : { range: { start: tokenRange(item, item.effort!).end, end: tokenRange(item, item.effort!).end }, newText: ` ${priority}` };
  return { title: `Prioritise as ${priority}`, edits: [edit] };
}

/**
 * High-impact, low-effort items are the quick wins a review should do first; one left at P3/P4 or
 * without a priority is easy to lose. The fixes set P1 or P2, but neither is applied automatically:
 * priorities are the team's call.
 */
export const quickWinUnprioritised: Rule = {
  code: 'actions/quick-win-unprioritised',
  defaultSeverity: 'info',
  description: 'Open items marked `impact:high effort:low` (quick wins) are prioritised P1 or P2.',
  check(ctx) {
    for (const item of ctx.doc.actionItems) {
      if (item.isDone || item.impact?.value !== 'high' || item.effort?.value !== 'low') continue;
      const p = item.priority?.value;
      if (p === 'P1' || p === 'P2') continue;
      ctx.report({
        range: item.priority ? tokenRange(item, item.priority) : tokenRange(item, item.impact),
        message: `Expected quick win ${quoteItem(item)} (impact:high effort:low) to be prioritised P1 or P2, found ${p ?? 'no priority'}`,
        fixes: [setPriority(item, 'P1'), setPriority(item, 'P2')],
      });
    }
  },
};
