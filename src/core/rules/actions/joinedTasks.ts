import type { Rule } from '../../lint/rule';
import { quoteItem, tokenRange } from './itemRanges';

/**
 * Tasks joined on one line with `<br>` (`- [ ] Add alert @kim due:…<br>- [ ] Runbook @lee due:…`, as
 * some wikis write them, also inside a table cell): Markdown reads one item. The grammar reads only
 * the first task (itemGrammar.ts `joinedTasks`), so no owner or due date comes from another's text;
 * this says the others are not read (trial 15a F18: the first owner's item was due on the last
 * task's date and shown overdue). No fix: where each task's line goes is the writer's choice.
 */
export const joinedTasks: Rule = {
  code: 'actions/joined-tasks',
  defaultSeverity: 'warning',
  description: 'Several tasks joined by `<br>` on one line (`- [ ] A @kim<br>- [ ] B @lee`) are one item to Markdown: only the first task is read, the others are not listed or counted; put each on its own line.',
  check(ctx) {
    for (const item of ctx.doc.actionItems) {
      const joined = item.joinedTasks;
      if (!joined) continue;
      ctx.report({
        range: tokenRange(item, joined),
        message: `Expected one task per line, found ${joined.value} tasks joined by <br> on one line (${quoteItem(item)} first): only the first is read, the other ${joined.value - 1 === 1 ? 'one is' : `${joined.value - 1} are`} not listed or counted, and no owner or due date is taken from them; split them, one task per line`,
      });
    }
  },
};
