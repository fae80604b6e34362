import { MAX_TREE_LINES } from '../../document/parse';
import { MAX_LIST_WORK } from '../../document/listWork';
import { MAX_QUOTE_WORK } from '../../document/quoteWork';
import type { Rule } from '../../lint/rule';

/**
 * A section too long to read as Markdown within the lint's budget (a 100,000-row table, or a list
 * nested thousands of levels over ever wider lines: document/listWork.ts; block quotes nested one
 * level deeper per line: document/quoteWork.ts): its tables, nested lists
 * and prose are not checked, and this says so instead of freezing the editor.
 */
export const sectionTooLarge: Rule = {
  code: 'document/section-too-large',
  defaultSeverity: 'warning',
  description: `A section other than a plain bullet list has at most ${MAX_TREE_LINES.toLocaleString('en-US')} lines, and its lists and block quotes nest within the reader's budgets (${MAX_LIST_WORK.toLocaleString('en-US')} and ${MAX_QUOTE_WORK.toLocaleString('en-US')} steps); a larger one is not checked.`,
  check(ctx) {
    for (const section of ctx.doc.sections) {
      if (!section.notChecked) continue;
      ctx.report({
        range: section.headingRange,
        message: `Not checked: "${section.title || 'the part before the first section'}" is too large to read (${section.notChecked}); split it, or keep long lists as plain, unnested "- " items and quotes a level or two deep`,
      });
    }
  },
};
