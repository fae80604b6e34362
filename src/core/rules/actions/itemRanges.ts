import type { Token } from '../../actions/itemGrammar';
import type { ActionItem } from '../../document/model';
import type { Range } from '../../types';

/** The document range of one of an item's tokens (spans are relative to the item's text). */
export function tokenRange(item: ActionItem, token: Pick<Token<unknown>, 'start' | 'end'>): Range {
  return {
    start: { line: item.line, character: item.textStart + token.start },
    end: { line: item.line, character: item.textStart + token.end },
  };
}

/** The item's own text (after the checkbox, or the action cell): where "this item" problems point. */
export function itemTextRange(item: ActionItem): Range {
  return {
    start: { line: item.line, character: item.textStart },
    end: { line: item.line, character: item.textStart + item.text.length },
  };
}

/** Short quote of the item for messages, so the Problems panel says which item. */
export function quoteItem(item: ActionItem): string {
  const d = item.description || item.text;
  return d.length > 50 ? `"${d.slice(0, 47)}…"` : `"${d}"`;
}

/** Today's date in UTC as `YYYY-MM-DD`: due dates are whole days. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}
