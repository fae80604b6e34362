import type { DiagramKind, ExportFormat, FromWebview, ToWebview } from '../../src/shared/protocol/messages';
import { diagramStateOf, type DiagramPanelState } from '../../src/shared/protocol/state';
import { validateToWebview } from '../../src/shared/protocol/validate';
import { el } from './dom';
import { EditSync } from './editSync';
import { DrawingZoom } from './drawingZoom';
import { exportPng, exportSvg } from './exportDrawing';
import { faultTreeSession } from './faultTreeSession';
import { fishboneSession } from './fishboneSession';
import { COMMIT_EVENT } from './numberField';
import { outlineCommand, type OutlineCommand } from './outlineKeys';
import type { StructuralAction } from './outlineModel';
import { problemList, renderErrorText } from './problemList';
import { renderOutline } from './outlineView';
import type { DiagramSession } from './session';

export interface AppHost {
  post(message: FromWebview): void;
  /** Draws Mermaid text into the drawing element (latest wins). */
  draw(text: string): void;
  /** Kept by VS Code for this panel: after a window reload the extension finds the block again from it. */
  saveState(state: DiagramPanelState): void;
  /** The state saved before (validated), if any. */
  loadState(): DiagramPanelState | undefined;
}

interface Button {
  readonly id: string;
  readonly text: string;
  readonly title: string;
  readonly run: () => void;
  /** Shown only for this kind. */
  readonly only?: DiagramKind;
  /** Usable when the panel may not write (export). */
  readonly always?: boolean;
}

/**
 * The diagram editor page: toolbar, outline with details, notes, the drawing and (fault trees) the
 * analysis. The document is the source of truth: every edit prints the block and sends it to the
 * extension; what comes back from the text replaces the local state.
 */
export class DiagramApp {
  private readonly sync = new EditSync();
  private session: DiagramSession | undefined;
  private kind: DiagramKind | undefined;
  private gone: string | undefined;
  private notice: string | undefined;
  private selected: string | undefined;
  /** What the page last saved: which block of which document, and the selected row. */
  private saved: DiagramPanelState | undefined;
  private renaming: string | undefined;
  /**
   * A row just added (Enter, Add) and being named: it is written once, with its name, so undoing
   * the name removes the row; Escape drops it unwritten. `before` is the row selected before.
   */
  private unwritten: { key: string; before: string | undefined } | undefined;
  private firstLine = 0;
  private title = '';
  private readonly toolbar: HTMLElement;
  private readonly banner: HTMLElement;
  private readonly outline: HTMLElement;
  private readonly details: HTMLElement;
  private readonly notes: HTMLElement;
  private readonly analysis: HTMLElement;
  private readonly heading: HTMLElement;
  readonly drawing: HTMLElement;
  private readonly renderError: HTMLElement;
  private readonly buttons: { def: Button; node: HTMLButtonElement }[] = [];
  /** When the last outline edit started, for the edit-to-drawing time. */
  private actionStarted: number | undefined;
  private readonly zoom: DrawingZoom;
  /**
   * Set by undo/redo: the extension focuses the text editor to run them, then reveals the panel;
   * the document they change re-renders the outline, which must then hold focus on its row.
   */
  private focusRowNext = false;
  /** The session and row the details fields were built for (they edit that session's model). */
  private detailsOf: { session: DiagramSession; key: string } | undefined;
  /** The last text typed into a details field, to carry it over when the page was redrawn meanwhile. */
  private typed: { id: string; value: string } | undefined;

  constructor(root: HTMLElement, private readonly host: AppHost) {
    this.saved = host.loadState();
    this.selected = this.saved?.selected;
    this.heading = el('h1', { text: 'Diagram' });
    this.toolbar = el('div', { className: 'toolbar', attrs: { role: 'toolbar', 'aria-label': 'Diagram actions' } });
    for (const def of this.buttonDefs()) {
      const node = el('button', { text: def.text, attrs: { id: def.id, title: def.title, type: 'button' } });
      node.addEventListener('click', () => def.run());
      this.buttons.push({ def, node });
      this.toolbar.append(node);
    }
    this.banner = el('div', { className: 'banner', attrs: { id: 'banner', role: 'status', 'aria-live': 'polite' } });
    this.outline = el('ul', { className: 'outline', attrs: { id: 'outline', role: 'tree', 'aria-label': 'Outline' } });
    this.details = el('div', { className: 'details', attrs: { id: 'details' } });
    this.notes = el('ul', { className: 'notes', attrs: { id: 'notes' } });
    this.drawing = el('div', { className: 'drawing', attrs: { id: 'drawing', tabindex: '0', 'aria-label': 'Drawing: + or Ctrl+= zooms in, - or Ctrl+- zooms out, 0 shows 100%' } });
    this.zoom = new DrawingZoom(this.drawing);
    this.renderError = el('div', { className: 'render-error', attrs: { id: 'render-error', role: 'alert' } });
    this.analysis = el('div', { attrs: { id: 'analysis' } });
    const header = el('header', {}, [this.heading, this.toolbar]);
    root.replaceChildren(
      header,
      this.banner,
      el('main', { className: 'split' }, [
        el('section', { className: 'pane outline-pane', attrs: { 'aria-label': 'Outline' } }, [this.outline, this.details, this.notes]),
        el('section', { className: 'pane drawing-pane' }, [this.zoom.bar, this.drawing, this.renderError, this.analysis]),
      ]),
    );
    this.outline.addEventListener('keydown', (e) => this.onOutlineKey(e));
    this.details.addEventListener('keydown', (e) => this.onDetailsKey(e));
    this.details.addEventListener('input', (e) => {
      const t = e.target as HTMLInputElement;
      if (t.tagName === 'INPUT' && t.id) this.typed = { id: t.id, value: t.value };
    });
    document.addEventListener('keydown', (e) => this.onGlobalKey(e));
    // VS Code focuses the webview's frame (opening, revealing after undo): put focus on the row, not nowhere.
    window.addEventListener('focus', () => {
      this.focusRowNext = false;
      if (!document.activeElement || document.activeElement === document.body) this.focusSelectedRow();
    });
    // The sticky header covers the top of the page: rows scrolled into view must stay below it.
    new ResizeObserver(() => document.documentElement.style.setProperty('--header-height', `${header.offsetHeight}px`)).observe(header);
    this.renderAll();
  }

  /** Every message from the extension comes through here and is checked first. */
  receive(raw: unknown): void {
    const checked = validateToWebview(raw);
    if (!checked.ok) {
      this.host.post({ type: 'log', level: 'warn', message: `Ignored a message from the extension: ${checked.error}` });
      return;
    }
    this.handle(checked.message);
  }

  private handle(msg: ToWebview): void {
    switch (msg.type) {
      case 'document': {
        this.firstLine = msg.firstLine;
        this.title = `${msg.kind === 'fishbone' ? 'Fishbone' : 'Fault tree'} · diagram ${msg.blockIndex + 1} of ${msg.fileName}`;
        this.saveState(diagramStateOf(msg, this.selected));
        const wasGone = this.gone !== undefined;
        this.gone = undefined;
        // On open, the selected (first) row takes focus so the arrow keys work at once.
        const focusRow = this.focusRowNext || !this.session;
        this.focusRowNext = false;
        const reread = this.sync.onDocument(msg.content, msg.version);
        if (reread || msg.kind !== this.kind || !this.session || wasGone) {
          this.kind = msg.kind;
          this.load(focusRow);
        } else {
          this.renderChrome();
          if (focusRow) this.focusSelectedRow();
        }
        return;
      }
      case 'gone':
        this.gone = msg.reason;
        // A new row being named was never written: drop it with the rename.
        if (this.unwritten) this.load();
        this.renaming = undefined;
        this.renderAll();
        return;
      case 'editResult': {
        const r = this.sync.onResult(msg.requestId, msg.ok, msg.version);
        if (!msg.ok) this.notice = `Your last change was not written: ${msg.reason ?? 'the document changed'}`;
        if (r.send) this.host.post(r.send);
        if (r.reread) this.load();
        else this.renderChrome();
        return;
      }
      case 'exportRequest':
        void this.export(msg.format);
        return;
    }
  }

  private load(focusRow = false): void {
    if (!this.kind) return;
    const content = this.sync.content;
    // The text changed while a new row was being named: that row is not in it (nothing was written).
    if (this.unwritten) {
      if (this.renaming === this.unwritten.key) this.renaming = undefined;
      this.selected = this.unwritten.before;
      this.unwritten = undefined;
    }
    this.session = this.kind === 'fishbone' ? fishboneSession(content) : faultTreeSession(content);
    this.renderAll(focusRow);
  }

  private get readOnly(): boolean {
    return this.gone !== undefined || !this.session?.writable;
  }

  // ---- editing ----

  private act(action: StructuralAction): void {
    if (this.readOnly || !this.session || this.selected === undefined) return;
    this.actionStarted = performance.now();
    const before = this.selected;
    const r = this.session.act(this.selected, action);
    if (!r.changed) return;
    if (r.select !== undefined) this.selected = r.select;
    this.renaming = r.rename ? this.selected : undefined;
    if (this.renaming !== undefined) {
      // Shown (outline and drawing) but not written until named.
      this.unwritten = { key: this.renaming, before };
      this.renderAll(true);
      return;
    }
    this.commit();
  }

  private startRename(): void {
    if (this.readOnly || this.selected === undefined) return;
    this.renaming = this.selected;
    this.renderOutline(true);
  }

  private finishRename(key: string, label: string | undefined): void {
    // A field left over from a redraw that ended this rename (its blur comes late): not for this row.
    if (this.renaming !== key) return;
    this.renaming = undefined;
    const unwritten = this.unwritten?.key === key ? this.unwritten : undefined;
    this.unwritten = undefined;
    this.actionStarted = performance.now();
    if (unwritten && (label === undefined || this.readOnly)) {
      // Escape on a new row: it was never written; show the text as it is, with the row selected before.
      this.selected = unwritten.before;
      this.load(true);
      return;
    }
    const renamed = label !== undefined && this.session !== undefined && !this.readOnly && this.session.rename(key, label);
    // A new row is written even when its placeholder name was kept.
    if (renamed || unwritten) this.commit();
    else this.renderOutline(true);
  }

  /** After a local edit: send the new block text, redraw everything (focus: on the outline row, else where it was). */
  private commit(focusRow = true): void {
    if (!this.session) return;
    this.notice = undefined;
    const msg = this.sync.local(this.session.text());
    if (msg) this.host.post(msg);
    this.renderAll(focusRow);
  }

  /** Also when the block is gone: undoing its deletion in the document brings it back to this panel. */
  private history(direction: 'undo' | 'redo'): void {
    this.focusRowNext = true;
    this.host.post({ type: direction });
  }

  private async export(format: ExportFormat): Promise<void> {
    const svg = this.drawing.querySelector('svg');
    if (!svg) {
      this.host.post({ type: 'log', level: 'warn', message: 'Nothing drawn yet to export.' });
      return;
    }
    try {
      const background = getComputedStyle(document.body).getPropertyValue('--vscode-editor-background').trim();
      const text = exportSvg(svg, background);
      this.host.post({ type: 'export', format, data: format === 'svg' ? text : await exportPng(text) });
    } catch (err) {
      this.host.post({ type: 'log', level: 'error', message: `Export failed: ${err instanceof Error ? err.message : String(err)}` });
    }
  }

  // ---- keyboard ----

  private onOutlineKey(e: KeyboardEvent): void {
    const cmd = outlineCommand(e);
    if (!cmd) return;
    e.preventDefault();
    e.stopPropagation();
    this.run(cmd);
  }

  /** Escape in a details field goes back to the outline row (a number field has put back its text first). */
  private onDetailsKey(e: KeyboardEvent): void {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    this.focusSelectedRow();
  }

  /** Alt+Enter: from the outline to the selected row's first details field. */
  private focusDetails(): void {
    const field = this.details.querySelector<HTMLElement>('select:not(:disabled), input:not(:disabled), button:not(:disabled)');
    field?.focus();
  }

  private focusSelectedRow(): void {
    const row = this.outline.querySelector<HTMLElement>('li.selected');
    if (!row) return;
    row.focus({ preventScroll: true });
    // 'nearest' with the page's scroll-padding-top (the header's height): never under the sticky header.
    row.scrollIntoView({ block: 'nearest' });
  }

  private onGlobalKey(e: KeyboardEvent): void {
    const target = e.target as HTMLElement | null;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA')) return;
    const cmd = outlineCommand(e);
    if (cmd?.kind === 'history') {
      e.preventDefault();
      this.run(cmd);
    }
  }

  private run(cmd: OutlineCommand): void {
    switch (cmd.kind) {
      case 'structural': return this.act(cmd.action);
      case 'rename': return this.startRename();
      case 'details': return this.focusDetails();
      case 'history': return this.history(cmd.direction);
      case 'select': {
        const rows = this.session?.rows() ?? [];
        if (rows.length === 0) return;
        const at = rows.findIndex((r) => r.key === this.selected);
        const next = cmd.delta === 'first' ? 0 : cmd.delta === 'last' ? rows.length - 1 : Math.max(0, Math.min(rows.length - 1, at + cmd.delta));
        this.select(rows[next].key);
      }
    }
  }

  private select(key: string): void {
    if (this.renaming !== undefined && this.renaming !== key) return;
    this.selected = key;
    if (this.saved) this.saveState({ ...this.saved, selected: key });
    this.renderOutline(true);
  }

  private saveState(state: DiagramPanelState): void {
    this.saved = state;
    this.host.saveState(state);
  }

  // ---- drawing the page ----

  private renderAll(focus = false): void {
    this.renderChrome();
    this.renderOutline(focus);
    const s = this.session;
    this.notes.replaceChildren(...(s ? this.noteItems(s) : []));
    this.analysis.replaceChildren(...(s?.analysis() ? [s.analysis()!] : []));
    if (s) this.host.draw(s.drawingText());
  }

  private noteItems(s: DiagramSession): HTMLElement[] {
    return problemList(s.problems, s.notes(), this.firstLine).map((p) => el('li', { className: p.severity, text: p.text }));
  }

  private renderChrome(): void {
    this.heading.textContent = this.title || 'Diagram';
    const readOnly = this.readOnly;
    for (const { def, node } of this.buttons) {
      node.hidden = def.only !== undefined && def.only !== this.kind;
      node.disabled = def.always ? this.session === undefined : readOnly || this.session === undefined;
    }
    const messages: string[] = [];
    if (this.gone !== undefined) messages.push(`${this.gone} This panel no longer writes to the document; close it, or undo the change in the text.`);
    else if (this.session && !this.session.writable) messages.push('The block holds text the editor does not understand (see the lines below). Fix it in the text; until then this panel will not overwrite it.');
    if (this.notice) messages.push(this.notice);
    this.banner.textContent = messages.join(' ');
    this.banner.hidden = messages.length === 0;
    this.banner.className = `banner ${this.gone !== undefined || (this.session && !this.session.writable) ? 'error' : 'info'}`;
    document.body.dataset.state = this.gone !== undefined ? 'gone' : readOnly ? 'read-only' : this.sync.pending ? 'saving' : 'saved';
  }

  private renderOutline(focus: boolean): void {
    const rows = this.session?.rows() ?? [];
    if (!rows.some((r) => r.key === this.selected)) this.selected = rows[0]?.key;
    const active = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    const hadFocus = focus || this.outline.contains(active ?? null);
    renderOutline(this.outline, rows, {
      readOnly: this.readOnly,
      selected: this.selected,
      renaming: this.renaming,
      onSelect: (key) => this.select(key),
      onRenameDone: (key, label) => this.finishRename(key, label),
    });
    this.renderDetails(hadFocus ? undefined : active);
    const selectedRow = this.outline.querySelector<HTMLElement>('li.selected');
    const input = selectedRow?.querySelector('input');
    if (input) {
      input.focus();
      input.select();
    } else if (hadFocus) this.focusSelectedRow();
  }

  /**
   * The selected row's fields. A field being typed in is never redrawn (the text is the person's
   * until Enter or leaving it); otherwise focus stays on the field of the same id (a select changed
   * with the arrow keys keeps focus).
   */
  private renderDetails(active: HTMLElement | undefined): void {
    const inDetails = active && this.details.contains(active) ? active : undefined;
    const session = this.session;
    const key = this.selected;
    if (inDetails?.dataset.editing === 'true' && this.detailsOf?.key === key) return;
    const details = session && key !== undefined ? session.details(key, (select) => {
      this.actionStarted = performance.now();
      if (session !== this.session) {
        this.carryOver();
        return;
      }
      if (select !== undefined) this.selected = select;
      this.commit(false);
    }) : undefined;
    this.detailsOf = session && key !== undefined ? { session, key } : undefined;
    this.details.replaceChildren(...(details ? [details] : []));
    if (inDetails?.id) this.details.querySelector<HTMLElement>(`#${CSS.escape(inDetails.id)}`)?.focus();
  }

  /**
   * A field kept while typing was committed after the document had changed underneath it: its edit
   * went to the old model. Redraw the fields from the current one and commit the typed text there.
   */
  private carryOver(): void {
    const typed = this.typed;
    this.renderDetails(undefined);
    if (!typed) return;
    const field = this.details.querySelector<HTMLInputElement>(`#${CSS.escape(typed.id)}`);
    if (!field) return;
    field.value = typed.value;
    field.focus();
    field.dispatchEvent(new Event(COMMIT_EVENT));
  }

  /** Called by the host when a drawing finished (or failed). */
  drawn(ok: boolean, renderMs: number, error?: string): void {
    this.zoom.apply();
    this.renderError.textContent = ok ? '' : renderErrorText(error, this.firstLine, (this.session?.problems.length ?? 0) > 0);
    const sinceAction = this.actionStarted === undefined ? undefined : performance.now() - this.actionStarted;
    this.actionStarted = undefined;
    window.dispatchEvent(new CustomEvent('pm-drawn', { detail: { ok, renderMs, sinceAction } }));
    this.host.post({ type: 'drawn', ok, ms: Math.max(0, Math.round(renderMs)) });
  }

  private buttonDefs(): Button[] {
    const a = (action: StructuralAction) => () => this.act(action);
    return [
      { id: 'add-sibling', text: 'Add', title: 'Add a sibling after the selected row (Enter)', run: a('addSibling') },
      { id: 'add-child', text: 'Add inside', title: 'Add a child of the selected row (Ctrl+Enter)', run: a('addChild') },
      { id: 'add-gate', text: 'Add gate', title: 'Add a gate under the selected gate (Ctrl+Shift+Enter)', run: a('addGate'), only: 'fault-tree' },
      { id: 'rename', text: 'Rename', title: 'Rename the selected row (F2)', run: () => this.startRename() },
      { id: 'edit-details', text: 'Details', title: 'Go to the selected row\'s fields below the outline (Alt+Enter); Escape comes back', run: () => this.focusDetails(), always: true },
      { id: 'indent', text: 'Indent', title: 'Indent: make it part of the row above (Tab)', run: a('indent') },
      { id: 'outdent', text: 'Outdent', title: 'Outdent (Shift+Tab)', run: a('outdent') },
      { id: 'move-up', text: '↑', title: 'Move up (Alt+Up)', run: a('up') },
      { id: 'move-down', text: '↓', title: 'Move down (Alt+Down)', run: a('down') },
      { id: 'delete', text: 'Delete', title: 'Delete the selected row and what is under it (Delete)', run: a('delete') },
      { id: 'undo', text: 'Undo', title: 'Undo the last change to the document (Ctrl+Z)', run: () => this.history('undo'), always: true },
      { id: 'redo', text: 'Redo', title: 'Redo (Ctrl+Shift+Z)', run: () => this.history('redo'), always: true },
      { id: 'export-svg', text: 'SVG', title: 'Save the drawing as SVG next to the post-mortem', run: () => void this.export('svg'), always: true },
      { id: 'export-png', text: 'PNG', title: 'Save the drawing as PNG next to the post-mortem', run: () => void this.export('png'), always: true },
    ];
  }
}
