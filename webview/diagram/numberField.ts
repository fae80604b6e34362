import { el } from './dom';

/**
 * Reads a typed number the way a person writes it: digits with an optional decimal point (or a
 * decimal comma) and an optional exponent ("0.5", ".5", "0,5", "2e-3"). Anything else, including a
 * half-typed "1e" or "1.2.3", is undefined: the caller refuses it instead of guessing.
 */
export function parseDecimal(raw: string): number | undefined {
  let text = raw.trim();
  if (!text.includes('.') && (text.match(/,/g) ?? []).length === 1) text = text.replace(',', '.');
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** Dispatched on a field to commit its text as if Enter had been pressed. */
export const COMMIT_EVENT = 'pm-commit';

export interface NumberFieldOptions {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly placeholder?: string;
  readonly disabled: boolean;
  /** Called with the trimmed text on Enter or when the field is left; returns a message to refuse it. */
  readonly onCommit: (raw: string) => string | undefined;
}

/**
 * A text field for a number (type="text" with a decimal keypad): a number input reports "" for
 * half-typed values like "1." and commits on its own, so a probability could be written as
 * something other than what was typed. Here nothing happens while typing; Enter or leaving the
 * field commits. While the text differs from what was last committed the field is marked
 * `data-editing`, and the page does not redraw it. A refused value is marked aria-invalid with the
 * message beside it and nothing is written; Escape puts the last committed text back.
 */
export function numberField(o: NumberFieldOptions): HTMLElement {
  const message = el('span', { className: 'field-error', attrs: { id: `${o.id}-error`, role: 'alert' } });
  const input = el('input', {
    className: 'number',
    attrs: {
      id: o.id, type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false', value: o.value,
      'aria-describedby': `${o.id}-error`, placeholder: o.placeholder, disabled: o.disabled ? '' : undefined,
    },
  });
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
  input.addEventListener('keydown', (e) => {
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
