import { daysFromTo, isDoneAfterToday } from '../../actions/doneAfterToday';
import type { Rule } from '../../lint/rule';
import { fixToday } from './fixChoices';
import { quoteItem, tokenRange } from './itemRanges';

/**
 * A `done:` date (or a Status cell's `Done (date)`) after today where the writer is: the work cannot
 * have ended on a day that has not come. The metrics leave such an item out of time to close and
 * say so; this says where. The fix writes today, not preferred: the date may be a typo for another
 * past day, or a plan that belongs in `due:`, and only the writer knows.
 */
export const doneInFuture: Rule = {
  code: 'actions/done-in-future',
  defaultSeverity: 'warning',
  description: "An action item's `done:` date is today or earlier where the writer is (the metrics leave a later one out of time to close).",
  check(ctx) {
    const local = fixToday(ctx);
    for (const item of ctx.doc.actionItems) {
      const done = item.done;
      if (!done || !isDoneAfterToday(done.value, local.date)) continue;
      const range = tokenRange(item, done);
      // The date inside the token (`done:` before it in a task item, the cell's words around it in a table).
      const at = ctx.doc.lines.lineText(item.line).indexOf(done.value, range.start.character);
      const days = daysFromTo(local.date, done.value);
      const written = item.form === 'task' ? `done:${done.value}` : `${done.value} in the Status cell`;
      ctx.report({
        range,
        message: `Expected the done date of ${quoteItem(item)} to be ${local.label} (${local.date}) or earlier, found ${written}, ${days} day${days === 1 ? '' : 's'} ahead; ${item.isDone ? 'the metrics leave it out of time to close' : 'the item is still open'} (a typo? a date planned goes in due:)`,
        fixes: at < 0 ? [] : [{ title: `Change the done date to ${local.date} (${local.label})`, edits: [{ range: { start: { line: item.line, character: at }, end: { line: item.line, character: at + done.value.length } }, newText: local.date }] }],
      });
    }
  },
};
