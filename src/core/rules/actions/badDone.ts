import type { Rule } from '../../lint/rule';
import type { Fix } from '../../types';
import { dayProblem } from '../../time/dayProblem';
import { normaliseDate } from './badDue';
import { quoteItem, tokenRange } from './itemRanges';

/**
 * A `done:` that is not a calendar date (`done:yesterday`, `done:2026-02-30`, `done:2026/12/4`): the
 * item has no done date, so the metrics count it as "done without a done: date" and leave it out of
 * time to close. Said here (it was dropped without a word); the fix writes a year-first date in
 * `YYYY-MM-DD` when it is one.
 */
export const badDone: Rule = {
  code: 'actions/bad-done',
  defaultSeverity: 'warning',
  description: 'Done dates are calendar dates written `done:YYYY-MM-DD` (the metrics count time to close from them).',
  check(ctx) {
    for (const item of ctx.doc.actionItems) {
      const bad = item.badDone;
      if (!bad) continue;
      const range = tokenRange(item, bad);
      const valueStart = range.start.character + 5;
      const valueRange = { start: { line: item.line, character: valueStart }, end: { line: item.line, character: valueStart + bad.value.length } };
      const iso = normaliseDate(bad.value);
      const fixes: Fix[] = iso ? [{ title: `Write the done date as ${iso}`, edits: [{ range: valueRange, newText: iso }], isPreferred: true }] : [];
      const off = dayProblem(bad.value);
      const why = !/\d/.test(bad.value) ? ' (a word: write the calendar date)' : off ? ` (${off})` : '';
      ctx.report({
        range,
        message: `Expected the done date of ${quoteItem(item)} as YYYY-MM-DD (a real calendar date), found "${bad.value}"${why}; until then the item has no done date${item.isDone ? ', and the metrics count it as done without one (not in time to close)' : ''}`,
        fixes,
      });
    }
  },
};
