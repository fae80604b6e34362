import { cleanLabelInput, removedControlNote } from '../../src/core/diagrams/labelInput';
import { el } from './dom';

/** Dispatched on a field to commit its text as if Enter had been pressed. */
export const COMMIT_EVENT = 'pm-commit';

export interface CommitFieldOptions {
  readonly id: string;
  /** The field's caption. */
  readonly label: string;
  readonly value: string;
  readonly placeholder?: string;
  readonly disabled: boolean;
  /**
   * Words written into the diagram: control characters are removed first (core labelInput, the name
   * fields' rule too); the field then shows the cleaned text with a note and writes it on the next Enter.
   */
  readonly isDiagramLabel?: boolean;
  /** Called with the trimmed text on Enter or when the field is left; returns a message to refuse it. */
  readonly onCommit: (raw: string) => string | undefined;
}

/**
 * A text field whose text is written only when committed: nothing happens while typing; Enter or
 * leaving the field commits. While the text differs from what was last committed the field is marked
 * `data-editing`, and the page does not redraw it. A refused value is marked aria-invalid with the
 * message beside it and nothing is written; Escape puts the last committed text back. `number`: a
 * short field with a decimal keypad (numberField); `text`: words, as wide as the pane.
 */
export function commitField(o: CommitFieldOptions, kind: 'number' | 'text'): HTMLElement {
  const message = el('span', { className: 'field-error', attrs: { id: `${o.id}-error`, role: 'alert' } });
  const attrs = {
    id: o.id, autocomplete: 'off', spellcheck: kind === 'number' ? 'false' : 'true',
    'aria-describedby': `${o.id}-error`, placeholder: o.placeholder, disabled: o.disabled ? '' : undefined,
  };
  // Words wrap in a box of a few lines (a problem statement longer than the pane is read whole); Enter
  // still commits, as a label holds no line break.
  const input: HTMLInputElement | HTMLTextAreaElement = kind === 'number'
    ? el('input', { className: kind, attrs: { ...attrs, type: 'text', inputmode: 'decimal', value: o.value } })
    : el('textarea', { className: kind, attrs: { ...attrs, rows: '3' } });
  if (kind === 'text') input.value = o.value;
  let committed = o.value;
  const sync = (): void => {
    if (input.value === committed) delete input.dataset.editing;
    else input.dataset.editing = 'true';
  };
  let committing = false;
  const commit = (): void => {
    // Re-entry: a committed value redraws the page, which may blur this (then detached) input.
    if (committing || !input.isConnected) return;
    if (input.value === committed && !input.hasAttribute('aria-invalid')) return;
    committing = true;
    // Not being typed in any more: the redraw a written value causes may replace this field.
    delete input.dataset.editing;
    if (o.isDiagramLabel) {
      const cleaned = cleanLabelInput(input.value);
      if (cleaned.removed > 0) {
        // Not written yet: the field shows the text without them and says so; Enter again writes it.
        input.value = cleaned.label;
        message.textContent = `${removedControlNote(cleaned.removed)} Press Enter to write the rest.`;
        committing = false;
        sync();
        return;
      }
    }
    let refused: string | undefined;
    try {
      refused = o.onCommit(input.value.trim());
    } finally {
      committing = false;
    }
    message.textContent = refused ?? '';
    if (refused === undefined) {
      committed = input.value;
      input.removeAttribute('aria-invalid');
    } else {
      // Focus and the typed text stay for correcting.
      input.setAttribute('aria-invalid', 'true');
    }
    sync();
  };
  input.addEventListener('input', sync);
  (input as HTMLElement).addEventListener('keydown', (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape') {
      // Cancel the typing (the page then returns focus to the outline, and leaving commits nothing).
      input.value = committed;
      input.removeAttribute('aria-invalid');
      message.textContent = '';
      sync();
    }
  });
  input.addEventListener('blur', commit);
  // The page asks for a commit when it carried typed text over into a redrawn field.
  input.addEventListener(COMMIT_EVENT, commit);
  return el('span', { className: 'field-group' }, [el('label', { className: 'field' }, [`${o.label} `, input]), message]);
}
