import { el } from './dom';
import { COMMIT_EVENT } from './numberField';
import type { DiagramSession } from './session';

export interface DetailsHost {
  /** The session and selected row shown now. */
  current(): { session: DiagramSession | undefined; key: string | undefined };
  /** A field is about to change the model (for the edit-to-drawing time). */
  editStarted(): void;
  /** A field changed the current session's model; `select` is the row to select next, if it moved. */
  edited(select: string | undefined): void;
  /** Escape in a field (a number field has put back its text first). */
  escape(): void;
}

/**
 * The selected row's fields below the outline. A field being typed in is never redrawn (the text
 * is the person's until Enter or leaving it); the last typed text is kept so that an edit committed
 * after the page was redrawn underneath it is carried over to the current model.
 */
export class DetailsPane {
  readonly element: HTMLElement;
  /** The session and row the fields were built for (they edit that session's model). */
  private detailsOf: { session: DiagramSession; key: string } | undefined;
  /** The last text typed into a field, to carry it over when the page was redrawn meanwhile. */
  private typed: { id: string; value: string } | undefined;

  constructor(private readonly host: DetailsHost) {
    this.element = el('div', { className: 'details', attrs: { id: 'details' } });
    this.element.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      this.host.escape();
    });
    this.element.addEventListener('input', (e) => {
      const t = e.target as HTMLInputElement | HTMLTextAreaElement;
      if ((t.tagName === 'INPUT' || t.tagName === 'TEXTAREA') && t.id) this.typed = { id: t.id, value: t.value };
    });
  }

  /** Alt+Enter: from the outline to the first usable field. */
  focusFirstField(): void {
    this.element.querySelector<HTMLElement>('select:not(:disabled), input:not(:disabled), textarea:not(:disabled), button:not(:disabled)')?.focus();
  }

  /**
   * Rebuilds the fields for the current row, unless one of them is being typed in; otherwise focus
   * stays on the field of the same id (`active`: the focused element before the redraw), so a
   * select changed with the arrow keys keeps focus.
   */
  render(active: HTMLElement | undefined): void {
    const inDetails = active && this.element.contains(active) ? active : undefined;
    const { session, key } = this.host.current();
    if (inDetails?.dataset.editing === 'true' && this.detailsOf?.key === key) return;
    const details = session && key !== undefined ? session.details(key, (select) => {
      this.host.editStarted();
      if (session !== this.host.current().session) {
        this.carryOver();
        return;
      }
      this.host.edited(select);
    }) : undefined;
    this.detailsOf = session && key !== undefined ? { session, key } : undefined;
    this.element.replaceChildren(...(details ? [details] : []));
    if (inDetails?.id) this.element.querySelector<HTMLElement>(`#${CSS.escape(inDetails.id)}`)?.focus();
  }

  /**
   * A field kept while typing was committed after the document had changed underneath it: its edit
   * went to the old model. Redraw the fields from the current one and commit the typed text there.
   */
  private carryOver(): void {
    const typed = this.typed;
    this.render(undefined);
    if (!typed) return;
    const field = this.element.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${CSS.escape(typed.id)}`);
    if (!field) return;
    field.value = typed.value;
    field.focus();
    field.dispatchEvent(new Event(COMMIT_EVENT));
  }
}
