import type { Rule } from '../../lint/rule';
import { quoteItem, tokenRange } from './itemRanges';

/**
 * A due date written in words — `due 2026-12-14`, `due on 2026-12-14`, `Due: 2026-12-14`, `by
 * 2026-12-14` at the end, `due: 2026/12/14`, `due Dec 14, 2026`, `deadline 14 December` (the year
 * taken from the incident date, and said: actions/dueYear.ts) — is read as the item's due date (the writer meant one, and the converter
 * reads the same words: actions/dueWords.ts), and said here so the reading is never silent. The
 * fix writes the `due:` token in the words' place; before this rule (trial11 T9) the item counted as
 * having no due date and actions/missing-due's fix added a second, different date beside it.
 */
export const dueInWords: Rule = {
  code: 'actions/due-in-words',
  defaultSeverity: 'info',
  description: 'A due date written in words (`due 2026-12-14`, `due Dec 14`: year from the incident date, said) is read as the due date; write it `due:YYYY-MM-DD`.',
  check(ctx) {
    for (const item of ctx.doc.actionItems) {
      const words = item.dueInWords;
      if (words === undefined || !item.due) continue;
      const range = tokenRange(item, item.due);
      ctx.report({
        range,
        // A year-less date ("due Dec 14") says where its year came from: the reading is a guess made visible.
        message: `Expected the due date as \`due:${item.due.value}\`, found it written without \`due:\` ("${words}") on action item ${quoteItem(item)}: it is read as the due date, ${item.due.value}${item.dueYearFrom ? `: ${item.dueYearFrom}` : ''}`,
        fixes: [{ title: `Write it as due:${item.due.value}`, edits: [{ range, newText: `due:${item.due.value}` }], isPreferred: true }],
      });
    }
  },
};
