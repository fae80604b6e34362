import { parsePostmortem } from '../../core/document/parse';
import type { ActionItem } from '../../core/document/model';
import { isJsSpace } from '../../core/text/trimChars';
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
 * the second sees the item already done and changes nothing.
 */
export function actionItemEdits(text: string, target: ItemTarget, done: boolean, todayUtc: string): ItemEditResult {
  const doc = parsePostmortem(text);
  const item = findActionItem(doc.actionItems, target);
  if (!item) return { kind: 'missing', message: 'That action item is no longer in the file (it was edited or removed).' };
  if (item.isDone === done) return { kind: 'unchanged', message: done ? 'That action item is already done.' : 'That action item is already open.' };
  const line = item.line;
  const at = (start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });
  const edits: TextEdit[] = [];
  const box = item.checkboxRange;
  if (item.form === 'task') {
    if (!box) return { kind: 'missing', message: 'Could not find the checkbox of that action item.' };
    edits.push({ range: box, newText: done ? '[x]' : '[ ]' });
    const lineText = doc.lines.lineText(line);
    if (done && !item.done) {
      const end = lineText.trimEnd().length;
      edits.push({ range: at(end, end), newText: ` done:${todayUtc}` });
    } else if (!done && item.done) {
      const start = item.textStart + item.done.start;
      const end = item.textStart + item.done.end;
      // Take one neighbouring space with the token so no double space is left behind.
      const before = start > 0 && lineText[start - 1] === ' ' ? 1 : 0;
      edits.push({ range: at(start - before, end), newText: '' });
    }
  } else {
    if (!box) return { kind: 'missing', message: 'That table has no status column to change; add one (e.g. "Status") to track done items.' };
    edits.push({ range: box, newText: done ? 'Done' : 'Open' });
  }
  return { kind: 'edits', edits, item };
}
