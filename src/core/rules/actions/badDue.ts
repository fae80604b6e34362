import { isIsoDate } from '../../actions/itemGrammar';
import type { Rule } from '../../lint/rule';
import type { Fix } from '../../types';
import { dueYearProblem } from '../../actions/dueDate';
import { dayProblem } from '../../time/dayProblem';
import { tokenRange } from './itemRanges';

/** `2026/12/4`, `2026.12.04`, `2026-12-4` → `2026-12-04`: year first, so the reading is unambiguous. */
export function normaliseDate(value: string): string | undefined {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value.trim());
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isIsoDate(iso) && !dueYearProblem(Number(m[1])) ? iso : undefined;
}

/** A due date that cannot be read as a calendar date: the item then has no due date at all. */
export const badDue: Rule = {
  code: 'actions/bad-due',
  defaultSeverity: 'warning',
  description: 'Due dates are calendar dates written `YYYY-MM-DD`.',
  check(ctx) {
    for (const item of ctx.doc.actionItems) {
      const bad = item.badDue;
      if (!bad) continue;
      const range = tokenRange(item, bad);
      const lineText = ctx.doc.lines.lineText(item.line);
      // In a task item the token reads `due:…`; in a table the Due cell holds the value alone.
      const prefixed = lineText.startsWith('due:', range.start.character);
      const valueStart = range.start.character + (prefixed ? 4 : 0);
      const valueRange = { start: { line: item.line, character: valueStart }, end: { line: item.line, character: valueStart + bad.value.length } };
      const iso = normaliseDate(bad.value);
      const fixes: Fix[] = iso ? [{ title: `Write the due date as ${iso}`, edits: [{ range: valueRange, newText: iso }], isPreferred: true }] : [];
      // `due:next week`, `due:soon`: a word is never read as a date (it would change meaning every day).
      // `2024-02-30`: the shape is right, the day is not on the calendar; say why, checkable at a glance.
      const off = dayProblem(bad.value) ?? yearProblem(bad.value);
      const word = !/\d/.test(bad.value) ? ` (a word: relative dates such as "next week" are not read; write the calendar date)` : off ? ` (${off})` : '';
      // Which date the item has meanwhile: another `due:` on it that is a date, or none (trial C8).
      const used = item.due ? `; the item's due date is ${item.due.value}, from its other due date` : '; until then the item has no due date';
      ctx.report({
        range,
        message: `Expected the due date as YYYY-MM-DD (a real calendar date), found "${bad.value}"${word}${used}`,
        fixes,
      });
    }
  },
};

/** `0226-12-20`: a calendar date whose year no deadline has (dueDate.ts), said with the slip it likely is. */
function yearProblem(value: string): string | undefined {
  const m = /^(\d{4})[-/.]\d{1,2}[-/.]\d{1,2}$/.exec(value.trim());
  return m ? dueYearProblem(Number(m[1])) : undefined;
}
