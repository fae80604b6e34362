import type { Token } from '../../actions/itemGrammar';
import type { ActionItem, PostmortemDocument } from '../../document/model';
import type { Rule } from '../../lint/rule';
import type { Fix, TextEdit } from '../../types';
import { isPlaceholderOwner } from '../../actions/placeholders';
import { quoteItem, tokenRange } from './itemRanges';

/**
 * An action item has one owner: the first `@name` on its line, or the first person in a table's
 * Owner cell (`| @alice, @bob |`, `| Alice and Bob |`). A second person is not a co-owner (the
 * sidebar, `postmortem actions`, the metrics' per-owner counts and tracker tickets all take one): in
 * a task item it stays in the description as a mention, in an Owner cell it is not read. Said here so
 * the second person is never dropped silently. The fixes keep one of the two as owner: in the text
 * the other is written as a plain name, in the Owner cell the other is removed.
 */
export const oneOwner: Rule = {
  code: 'actions/one-owner',
  defaultSeverity: 'warning',
  description: 'An action item has one owner: a second `@name` on its line, or a second person in the Owner cell, is not an owner.',
  check(ctx) {
    for (const item of ctx.doc.actionItems) {
      const first = item.owner;
      const second = item.otherOwner;
      if (!first || !second) continue;
      const firstShown = written(ctx.doc, item, first);
      const secondShown = written(ctx.doc, item, second);
      if (isPlaceholderOwner(second.value)) {
        // `Fix it @TBD @alex`: the real person is the owner (itemGrammar); the placeholder is no one to split with.
        ctx.report({
          range: tokenRange(item, second),
          severity: item.isDone ? 'info' : undefined,
          message: `Expected one owner per action item, found the placeholder ${secondShown} beside ${firstShown} on ${quoteItem(item)}: ${firstShown} is read as the owner; remove ${secondShown}`,
          fixes: [{ title: `Remove the placeholder ${secondShown}`, edits: [removeEdit(ctx.doc, item, second, first)] }],
        });
        continue;
      }
      const fixes: Fix[] = [
        { title: `Keep ${firstShown} as the owner (${dropWords(item, second)})`, edits: [dropEdit(item, second, first)] },
        { title: `Make ${secondShown} the owner (${dropWords(item, first)})`, edits: [dropEdit(item, first, second)] },
      ];
      const read = inText(item, second) ? `"${secondShown}" as text` : `${secondShown} is not read as an owner`;
      ctx.report({
        range: tokenRange(item, second),
        severity: item.isDone ? 'info' : undefined,
        message: `Expected one owner per action item, found ${firstShown} and ${secondShown} on ${quoteItem(item)}: ${firstShown} is read as the owner and ${read}. Split the item to give each person their own, or keep one owner`,
        fixes,
      });
    }
  },
};

/** The owner as written on the line (`@bob`, or `Bob` in an Owner cell). */
function written(doc: PostmortemDocument, item: ActionItem, token: Token<string>): string {
  const range = tokenRange(item, token);
  return doc.lines.lineText(item.line).slice(range.start.character, range.end.character);
}

/** True when the token is in the item's own text (a task line or the action cell), not in the Owner cell. */
function inText(item: ActionItem, token: Token<string>): boolean {
  return token.start >= 0 && token.end <= item.text.length;
}

function dropWords(item: ActionItem, drop: Token<string>): string {
  return inText(item, drop) ? `write "${drop.value}" without @` : `remove ${drop.value} from the Owner cell`;
}

/**
 * The edit that leaves `drop` no longer an owner: in the text, its `@` goes (it stays as a mention);
 * in the Owner cell it is removed, with the separator between it and `keep` when both are there.
 */
function dropEdit(item: ActionItem, drop: Token<string>, keep: Token<string>): TextEdit {
  if (inText(item, drop)) return { range: tokenRange(item, drop), newText: drop.value };
  const sameCell = !inText(item, keep);
  if (!sameCell) return { range: tokenRange(item, drop), newText: '' };
  // `@alice, @bob` → `@alice` (keep the first) or `@bob` (keep the second).
  const span = drop.start > keep.start ? { start: keep.end, end: drop.end } : { start: drop.start, end: keep.start };
  return { range: tokenRange(item, span), newText: '' };
}

/**
 * The edit that removes `drop` and the space before it (`Fix it @TBD @alex` → `Fix it @alex`); in
 * an Owner cell with `keep` beside it, the separator between them too (`TBD, @alex` → `@alex`).
 */
function removeEdit(doc: PostmortemDocument, item: ActionItem, drop: Token<string>, keep: Token<string>): TextEdit {
  if (!inText(item, drop)) return dropEdit(item, drop, keep);
  const range = tokenRange(item, drop);
  const line = doc.lines.lineText(item.line);
  const before = range.start.character > 0 && line[range.start.character - 1] === ' ' ? 1 : 0;
  const after = !before && line[range.end.character] === ' ' ? 1 : 0;
  return { range: { start: { line: range.start.line, character: range.start.character - before }, end: { line: range.end.line, character: range.end.character + after } }, newText: '' };
}
