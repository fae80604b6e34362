import { cutLabel, MAX_DRAWN_LABEL } from '../../src/core/diagrams/labelCut';
import type { OutlineRow, StructuralAction } from './outlineModel';

/**
 * What the page says after an outline action, in the banner (a polite live region): every change
 * to the diagram's shape and every key that did nothing. Tab and Shift+Tab reshape the diagram
 * (the outliner convention), and a keyboard or screen-reader user pressing them to reach "the next
 * control" changed the tree without a word (trial14b F8); Shift+Tab on a cause made it a category.
 * Labels are cut as the drawing cuts them: a 190-character name made the banner four lines tall.
 */

/** A row's name as said: “…”, cut like a drawn label. */
const named = (label: string): string => `“${cutLabel(label, MAX_DRAWN_LABEL)}”`;

const VERBS: Record<StructuralAction, string> = {
  addSibling: 'add a row after', addChild: 'add a row inside', addGate: 'add a gate at', indent: 'indent', outdent: 'outdent',
  up: 'move up', down: 'move down', delete: 'delete',
};

/** "Cannot indent “X”: it is the first in its category." */
export function refusedWords(action: StructuralAction, label: string, reason: string): string {
  return `Cannot ${VERBS[action]} ${named(label)}: ${reason}.`;
}

/** The row's parent: the nearest row above it one level up (rows are in outline order). */
function parentOf(rows: readonly OutlineRow[], i: number): OutlineRow | undefined {
  for (let j = i - 1; j >= 0; j--) if (rows[j].depth < rows[i].depth) return rows[j];
  return undefined;
}

/** Where the row stands among its parent's rows: "2 of 3". */
function place(rows: readonly OutlineRow[], i: number): string {
  const depth = rows[i].depth;
  let start = i;
  while (start > 0 && rows[start - 1].depth >= depth) start--;
  let nth = 0;
  let of = 0;
  for (let j = start; j < rows.length && rows[j].depth >= depth; j++) {
    if (rows[j].depth !== depth) continue;
    of++;
    if (j <= i) nth++;
  }
  return `${nth} of ${of}`;
}

/** How many rows were under row `i` (what goes with it when it moves or is deleted). */
function rowsUnder(rows: readonly OutlineRow[], i: number): number {
  let n = 0;
  for (let j = i + 1; j < rows.length && rows[j].depth > rows[i].depth; j++) n++;
  return n;
}

const under = (parent: OutlineRow | undefined): string => (parent ? ` under ${named(parent.label)}` : '');
const withRows = (n: number): string => (n === 0 ? '' : n === 1 ? ', with the row under it' : `, with the ${n} rows under it`);

/**
 * The sentence for a change made by `action` on row `before.key`, now row `after.key`. A cause that
 * became a category (or the reverse) is said as such, with the key that undoes it: it moves the
 * row's whole branch to another level of the fishbone.
 */
export function changedWords(
  action: StructuralAction,
  before: { readonly rows: readonly OutlineRow[]; readonly key: string },
  after: { readonly rows: readonly OutlineRow[]; readonly key: string | undefined },
): string {
  const b = before.rows.findIndex((r) => r.key === before.key);
  const a = after.rows.findIndex((r) => r.key === after.key);
  const old = before.rows[b];
  const now = after.rows[a];
  const label = old?.label ?? now?.label ?? '';
  const moved = b < 0 ? 0 : rowsUnder(before.rows, b);
  if (action === 'delete') return `Deleted ${named(label)}${withRows(moved)}. Ctrl+Z brings it back.`;
  if (!now) return '';
  const parent = parentOf(after.rows, a);
  switch (action) {
    case 'addSibling':
    case 'addChild':
    case 'addGate':
      return `New ${now.role === 'gate' ? 'gate' : 'row'}${under(parent)}: type its name, then Enter; Escape drops it.`;
    case 'indent':
      if (old?.role === 'category') return `${named(label)} is no longer a category: it is a cause${under(parent)}${withRows(moved)}. Ctrl+Z undoes it.`;
      return `Indented ${named(label)}${under(parent)}.`;
    case 'outdent':
      if (now.role === 'category') return `${named(label)} is now a category${withRows(moved)} (it was a cause${old && b >= 0 ? under(parentOf(before.rows, b)) : ''}). Ctrl+Z undoes it.`;
      return `Outdented ${named(label)}: now${under(parent)}.`;
    case 'up':
    case 'down':
      return `Moved ${named(label)} ${action}: now ${place(after.rows, a)}${under(parent)}.`;
  }
}
