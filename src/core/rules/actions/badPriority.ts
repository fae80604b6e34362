import type { Rule } from '../../lint/rule';
import { tokenRange } from './itemRanges';

/**
 * A whole-word `P0` or `P5`…`P9` is a priority outside the scale: the item then has no priority at
 * all, so the P1/P2 focus (actions/quick-win-unprioritised) and the sidebar miss it. `P99 latency`
 * and `P1-incident` are prose, not priorities, and are not reported.
 */
export const badPriority: Rule = {
  code: 'actions/bad-priority',
  defaultSeverity: 'warning',
  description: 'Priorities are `P1` (most urgent) to `P4`.',
  check(ctx) {
    for (const item of ctx.doc.actionItems) {
      const bad = item.badPriority;
      if (!bad) continue;
      ctx.report({ range: tokenRange(item, bad), message: `Expected P1–P4, found ${bad.value}` });
    }
  },
};
