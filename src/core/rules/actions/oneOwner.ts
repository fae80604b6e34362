import type { Rule } from '../../lint/rule';
import type { Fix } from '../../types';
import { quoteItem, tokenRange } from './itemRanges';

/**
 * An action item has one owner: the first `@name` on its line. A second `@name` is not a co-owner
 * (the sidebar, `postmortem actions`, the metrics' per-owner counts and tracker tickets all take one);
 * it stays in the description as a mention. Said here so the second person is never dropped silently.
 * The fixes keep one of the two as owner and write the other as a plain name.
 */
export const oneOwner: Rule = {
  code: 'actions/one-owner',
  defaultSeverity: 'warning',
  description: 'An action item has one owner: a second `@name` on its line is read as text.',
  check(ctx) {
    for (const item of ctx.doc.actionItems) {
      const first = item.owner;
      const second = item.otherOwner;
      if (!first || !second) continue;
      const firstRange = tokenRange(item, first);
      const secondRange = tokenRange(item, second);
      const fixes: Fix[] = [
        { title: `Keep @${first.value} as the owner (write "${second.value}" without @)`, edits: [{ range: secondRange, newText: second.value }] },
        { title: `Make @${second.value} the owner (write "${first.value}" without @)`, edits: [{ range: firstRange, newText: first.value }] },
      ];
      ctx.report({
        range: secondRange,
        severity: item.isDone ? 'info' : undefined,
        message: `Expected one owner per action item, found @${first.value} and @${second.value} on ${quoteItem(item)}: @${first.value} is read as the owner and "@${second.value}" as text. Split the item to give each person their own, or keep one owner`,
        fixes,
      });
    }
  },
};
