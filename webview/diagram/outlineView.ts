import { el } from './dom';
import { endNameField } from './nameField';
import type { OutlineRow } from './outlineModel';

export interface OutlineViewOptions {
  readonly readOnly: boolean;
  readonly selected: string | undefined;
  /** The row whose name field is open, with the text to show in it (what was typed, kept through redraws). */
  readonly renaming: { readonly key: string; readonly value: string } | undefined;
  readonly onSelect: (key: string) => void;
  readonly onRenameInput: (value: string) => void;
  readonly onRenameDone: (label: string | undefined) => void;
}

/**
 * Draws the outline as an ARIA tree with one focusable row (roving tabindex). Labels go in as
 * text. While a row is being renamed it holds an input: Enter or leaving it keeps the text,
 * Escape cancels.
 */
export function renderOutline(list: HTMLElement, rows: readonly OutlineRow[], o: OutlineViewOptions): void {
  const items = rows.map((row) => {
    const selected = row.key === o.selected;
    const li = el('li', {
      className: `row ${row.role}${selected ? ' selected' : ''}`,
      attrs: {
        role: 'treeitem', 'data-key': row.key, 'aria-level': String(row.depth + 1),
        'aria-selected': selected ? 'true' : 'false', tabindex: selected ? '0' : '-1',
      },
    });
    li.style.setProperty('--depth', String(row.depth));
    if (selected && o.renaming?.key === row.key && !o.readOnly) {
      const input = el('input', { className: 'rename', attrs: { type: 'text', 'aria-label': 'Label', value: o.renaming.value } });
      input.addEventListener('input', () => o.onRenameInput(input.value));
      endNameField(input, (label) => o.onRenameDone(label));
      li.append(input);
    } else {
      li.append(el('span', { className: 'label', text: row.label === '' ? '\u00a0' : row.label }));
      if (row.badge) li.append(el('span', { className: 'badge', text: row.badge }));
    }
    li.addEventListener('mousedown', (e) => {
      if ((e.target as HTMLElement).tagName === 'INPUT') return;
      // Selecting redraws the list; the browser would then focus the detached row (i.e. nothing).
      e.preventDefault();
      o.onSelect(row.key);
    });
    return li;
  });
  list.replaceChildren(...items);
}
