import { parsePostmortem } from '../../core/document/parse';
import type { ActionItem } from '../../core/document/model';
import { isJsSpace } from '../../core/text/trimChars';
import { doneEdits } from '../../core/rules/actions/doneEdits';
import type { TextEdit } from '../../core/types';

export type ItemEditResult =
  | { readonly kind: 'edits'; readonly edits: TextEdit[]; readonly item: ActionItem }
  | { readonly kind: 'unchanged'; readonly message: string }
  | { readonly kind: 'missing'; readonly message: string };

/** Which item to change: its line, and its text when known (the tree's copy may be a little stale). */
export interface ItemTarget {
  readonly line: number;
  readonly text?: string;
}

/** The item on `target.line` with the same text; else the nearest item with that text; else the item on that line. */
function findActionItem(items: readonly ActionItem[], target: ItemTarget): ActionItem | undefined {
  const wanted = target.text === undefined ? undefined : comparable(target.text);
  const sameText = wanted === undefined ? [] : items.filter((i) => comparable(i.text) === wanted);
  const exact = sameText.find((i) => i.line === target.line);
  if (exact) return exact;
  if (sameText.length) return sameText.reduce((a, b) => (Math.abs(a.line - target.line) <= Math.abs(b.line - target.line) ? a : b));
  return target.text === undefined ? items.find((i) => i.line === target.line) : undefined;
}

/** Item text without its done date, so an item is still found after it was marked done or reopened. */
export function comparable(text: string): string {
  // Each `done:` token goes with the spaces before it, found by hand: `/\s*\bdone:\S+/g`
  // restarted at every space of a long run (quadratic).
  let out = '';
  let copied = 0;
  for (const m of text.matchAll(/\bdone:\S+/g)) {
    let start = m.index;
    while (start > copied && isJsSpace(text[start - 1])) start--;
    out += text.slice(copied, start);
    copied = m.index + m[0].length;
  }
  return (out + text.slice(copied)).trim();
}

/**
 * The edits that mark an action item done (`[x]` and `done:YYYY-MM-DD`) or reopen it (`[ ]`, the
 * done date removed), computed on the current text so two quick clicks cannot corrupt the file:
 * the second sees the item already done and changes nothing. The edit itself is the core's
 * `doneEdits`, the same one the overdue rule's "Mark done" fix makes.
 */
export function actionItemEdits(text: string, target: ItemTarget, done: boolean, today: string): ItemEditResult {
  const doc = parsePostmortem(text);
  const item = findActionItem(doc.actionItems, target);
  if (!item) return { kind: 'missing', message: 'That action item is no longer in the file (it was edited or removed).' };
  const result = doneEdits(doc, item, done, today);
  return result.kind === 'edits' ? { kind: 'edits', edits: result.edits, item } : result;
}
