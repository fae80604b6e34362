import type { Token } from '../../actions/itemGrammar';
import type { ActionItem, PostmortemDocument } from '../../document/model';
import type { Rule } from '../../lint/rule';
import type { Fix, TextEdit } from '../../types';
import { quoteItem, tokenRange } from './itemRanges';

/**
 * An action item has one due date: the first `due:` on its line (in a table, the `due:` in the
 * action text before the Due column). A second one is not read as a date: it stays in the
 * description as written, and the sidebar, `postmortem actions`, the metrics and the overdue check
 * all take the first. Said here so a second date is never dropped silently (trial C8). The same date
 * written twice is removed by `--fix`; of two different dates only the team knows the right one.
 */
export const oneDue: Rule = {
  code: 'actions/one-due',
  defaultSeverity: 'warning',
  description: 'An action item has one due date: the first `due:` is used, a second one is read as text.',
  check(ctx) {
    for (const item of ctx.doc.actionItems) {
      const first = item.due;
      const second = item.otherDue;
      if (!first || !second) continue;
      const where = (t: Token<string>) => (isToken(ctx.doc, item, t) ? `due:${t.value}` : `${t.value} in the Due column`);
      const same = first.value === second.value;
      // Both in the Due cell (`2026-08-01, 2026-08-15`): the column is named once.
      const oneCell = !isToken(ctx.doc, item, first) && !isToken(ctx.doc, item, second);
      const found = oneCell
        ? `${first.value} and ${same ? 'again ' : ''}${second.value} in the Due column`
        : same ? `${where(first)} and again ${where(second)}` : `${where(first)} and ${where(second)}`;
      const fixes: Fix[] = same
        ? [{ title: `Remove the repeated due date ${second.value}`, edits: [removeEdit(ctx.doc, item, second, first)], isPreferred: true }]
        : [
          { title: `Keep due ${first.value} (remove ${second.value})`, edits: [removeEdit(ctx.doc, item, second, first)] },
          { title: `Keep due ${second.value} (remove ${first.value})`, edits: [removeEdit(ctx.doc, item, first, second)] },
        ];
      ctx.report({
        range: tokenRange(item, second),
        severity: item.isDone ? 'info' : undefined,
        message: `Expected one due date per action item, found ${found} on ${quoteItem(item)}: ${first.value} (the first) is used as the due date, the second is read as text`,
        fixes,
      });
    }
  },
};

/** True when the token is written `due:DATE` (in the item's text), false for a Due cell's date. */
function isToken(doc: PostmortemDocument, item: ActionItem, token: Token<string>): boolean {
  const range = tokenRange(item, token);
  return doc.lines.lineText(item.line).startsWith('due:', range.start.character);
}

/**
 * Removes a `due:DATE` token with the spaces before it, or a Due cell's date: the cell then holds
 * the kept date alone when both were in it, else it is emptied.
 */
function removeEdit(doc: PostmortemDocument, item: ActionItem, token: Token<string>, keep: Token<string>): TextEdit {
  const range = tokenRange(item, token);
  if (!isToken(doc, item, token)) {
    if (isToken(doc, item, keep)) return { range, newText: '' };
    const both = tokenRange(item, { start: Math.min(token.start, keep.start), end: Math.max(token.end, keep.end) });
    return { range: both, newText: keep.value };
  }
  const lineText = doc.lines.lineText(item.line);
  let start = range.start.character;
  while (start > item.textStart && (lineText[start - 1] === ' ' || lineText[start - 1] === '\t')) start--;
  // At the start of the text the spaces after the token go instead, so no word is glued to the next.
  let end = range.end.character;
  if (start === item.textStart) while (end < lineText.length && (lineText[end] === ' ' || lineText[end] === '\t')) end++;
  return { range: { start: { line: item.line, character: start }, end: { line: item.line, character: end } }, newText: '' };
}
