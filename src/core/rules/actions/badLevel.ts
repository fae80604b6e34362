import { ownValue } from '../../collections/ownValue';
import type { Rule } from '../../lint/rule';
import type { Fix } from '../../types';
import { tokenRange } from './itemRanges';

/** Common shorthands with one obvious meaning, offered as fixes. */
const SHORTHAND: Readonly<Record<string, string>> = { lo: 'low', med: 'medium', mid: 'medium', hi: 'high' };

/**
 * `impact:` and `effort:` take `low`, `medium` or `high`; anything else (`impact:huge`) is not read,
 * so the item drops out of the high-impact/low-effort focus without a word.
 */
export const badLevel: Rule = {
  code: 'actions/bad-level',
  defaultSeverity: 'warning',
  description: '`impact:` and `effort:` are `low`, `medium` or `high`.',
  check(ctx) {
    for (const item of ctx.doc.actionItems) {
      for (const [key, bad] of [['impact', item.badImpact], ['effort', item.badEffort]] as const) {
        if (!bad) continue;
        const range = tokenRange(item, bad);
        const level = ownValue(SHORTHAND, bad.value.toLowerCase()) ?? (/^(low|medium|high)$/i.test(bad.value) ? bad.value.toLowerCase() : undefined);
        const fixes: Fix[] = level ? [{ title: `Write ${key}:${level}`, edits: [{ range, newText: `${key}:${level}` }], isPreferred: true }] : [];
        ctx.report({ range, message: `Expected ${key}:low, ${key}:medium or ${key}:high, found ${key}:${bad.value}`, fixes });
      }
    }
  },
};
