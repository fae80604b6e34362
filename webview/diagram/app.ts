import type { DiagramKind, ExportBackground, ExportFormat, FromWebview, ToWebview } from '../../src/shared/protocol/messages';
import { diagramTitle } from '../../src/core/diagrams/diagramTitle';
import { cleanLabelInput, removedControlNote } from '../../src/core/diagrams/labelInput';
import { isFaultTreePlaceholder } from '../../src/core/template/placeholders';
import { SPLIT_RANGE } from '../../src/shared/protocol/state';
import { validateToWebview } from '../../src/shared/protocol/validate';
import { DetailsPane } from './detailsPane';
import { el } from './dom';
import { DrawingPane } from './drawingPane';
import { openRenameField } from './drawingRename';
import { EditSync, type Steps } from './editSync';
import type { ExportLegendEntry } from './exportLegend';
import { changedWords, refusedWords } from './actionWords';
import { PLACEHOLDER_MARK } from './analysisView';
import { ExportPanel } from './exportPanel';
import { faultTreeSession } from './faultTreeSession';
import { fishboneSession } from './fishboneSession';
import { focusSelectedRow, nothingFocused, wireKeyboard } from './keyboard';
import { NodeMenu, type MenuItem } from './nodeMenu';
import type { OutlineCommand } from './outlineKeys';
import type { OutlineRow, StructuralAction } from './outlineModel';
import { renderOutline } from './outlineView';
import { problemList } from './problemList';
import { RowNaming } from './rowNaming';
import { SavedPanelState, type PanelStateStore } from './savedPanelState';
import type { DiagramSession } from './session';
import { Toolbar, type ToolbarButtonId } from './toolbar';
import { applyStep, typedText, type TypedStep } from './typedSteps';

export interface AppHost extends PanelStateStore {
  post(message: FromWebview): void;
  /** Draws Mermaid text into the drawing element (latest wins). */
  draw(text: string): void;
  /** The drawing to export on `background` (drawn again in a light or dark theme when the page's differs). */
  svgFor(background: ExportBackground): Promise<SVGSVGElement | undefined>;
}

/**
 * Below this width (px) the outline and the drawing stack instead of standing side by side. Opened
 * beside the text in a 1400 px window with the side bar open, the panel is about 526 px wide: side
 * by side there (the real-VS-Code check measures it), stacked only when narrower still.
 */
const NARROW = 440;
/** The outline's share of the width until the splitter is moved. */
const DEFAULT_SPLIT = 38;

const BUTTON_ACTIONS: Partial<Record<ToolbarButtonId, StructuralAction>> = {
  'add-sibling': 'addSibling', 'add-child': 'addChild', 'add-gate': 'addGate', indent: 'indent', outdent: 'outdent',
  'move-up': 'up', 'move-down': 'down', delete: 'delete',
};

/** The drawing's context menu: the outline's actions with their keys. */
const MENU: readonly { action: StructuralAction | 'rename'; label: string; keybinding: string; only?: DiagramKind }[] = [
  { action: 'addSibling', label: 'Add After', keybinding: 'Enter' },
  { action: 'addChild', label: 'Add Inside', keybinding: 'Ctrl+Enter' },
  { action: 'addGate', label: 'Add Gate', keybinding: 'Ctrl+Shift+Enter', only: 'fault-tree' },
  { action: 'rename', label: 'Rename', keybinding: 'F2' },
  { action: 'indent', label: 'Indent', keybinding: 'Tab' },
  { action: 'outdent', label: 'Outdent', keybinding: 'Shift+Tab' },
  { action: 'up', label: 'Move Up', keybinding: 'Alt+Up' },
  { action: 'down', label: 'Move Down', keybinding: 'Alt+Down' },
  { action: 'delete', label: 'Delete', keybinding: 'Delete' },
];

/**
 * The diagram editor page: toolbar, outline with details, notes, the drawing and (fault trees) the
 * analysis. The document is the source of truth: every edit prints the block and sends it to the
 * extension; what comes back from the text replaces the local state.
 */
export class DiagramApp {
  private readonly sync = new EditSync<TypedStep>();
  private session: DiagramSession | undefined;
  private kind: DiagramKind | undefined;
  private gone: string | undefined;
  /** What the user can do about `gone` (the host's words; a default for a deleted block). */
  private goneWhatNow: string | undefined;
  /** How the host writes now when it differs from the usual (the Markdown tab closed, the file renamed). */
  private hostNote: string | undefined;
  private notice: string | undefined;
  /**
   * What the last outline action did or why it did nothing ("Indented “X” under “Y”", "Cannot
   * indent …"), said in the banner's live region until the selection moves or the text changes.
   */
  private said: string | undefined;
  private selected: string | undefined;
  private readonly saved: SavedPanelState;
  private readonly naming = new RowNaming();
  private firstLine = 0;
  private title = '';
  private fileName = '';
  private readonly toolbar: Toolbar;
  private readonly banner: HTMLElement;
  private readonly outline: HTMLElement;
  /** How to leave the outline with the keyboard (Tab indents there): always shown above it. */
  private readonly outlineHint: HTMLElement;
  private readonly details: DetailsPane;
  private readonly notes: HTMLElement;
  private readonly notesSection: HTMLElement;
  private readonly analysis: HTMLElement;
  private readonly analysisSection: HTMLElement;
  private readonly detailsSection: HTMLElement;
  private readonly exportPanel: ExportPanel;
  private readonly heading: HTMLElement;
  private readonly headingKind: HTMLElement;
  private readonly headingFile: HTMLElement;
  private readonly split: HTMLElement & { handlePosition?: string };
  private readonly drawingPane: DrawingPane;
  private readonly menu: NodeMenu;
  /** A rename started by a double-click in the drawing: its field is over the node, not in the outline. */
  private drawingField: HTMLInputElement | undefined;
  /** True while the outline is being drawn again: the blur of a name field it removes does not end the rename. */
  private redrawingOutline = false;
  /** The row the node menu was opened on, by identity (the menu acts on it, wherever it is then, or not at all). */
  private menuTarget: { key: string; identity: string | undefined } | undefined;
  /** When the last outline edit started, for the edit-to-drawing time. */
  private actionStarted: number | undefined;
  /**
   * Set by undo/redo: the extension focuses the text editor to run them, then reveals the panel;
   * the document they change re-renders the outline, which must then hold focus on its row.
   */
  private focusRowNext = false;
  /**
   * Steps of edits that were not written (refused, or overtaken and not made again), oldest first, until
   * the next load: a new row being named next to a row one of them added is placed where that row
   * would have gone (trial17b F1: it was dropped without a word, and the selection fell to the effect).
   */
  private lost: TypedStep[] = [];
  /** Set by a refusal until the load it causes: what that load says is added to the refusal's words. */
  private refusedNow = false;

  constructor(root: HTMLElement, private readonly host: AppHost) {
    this.saved = new SavedPanelState(host);
    this.selected = this.saved.selected;
    this.headingKind = el('span', { className: 'title-kind', text: 'Diagram' });
    this.headingFile = el('span', { className: 'title-file' });
    this.heading = el('h1', { attrs: { id: 'title' } }, [this.headingKind, this.headingFile]);
    this.toolbar = new Toolbar({
      act: (action) => this.act(action),
      rename: () => this.startRename(),
      focusDetails: () => this.details.focusFirstField(),
      history: (direction) => this.history(direction),
      export: (format) => void this.export(format),
    });
    this.banner = el('div', { className: 'banner', attrs: { id: 'banner', role: 'status', 'aria-live': 'polite' } });
    this.outline = el('ul', { className: 'outline', attrs: { id: 'outline', role: 'tree', 'aria-label': 'Outline', 'aria-describedby': 'outline-keys' } });
    this.outlineHint = el('p', { className: 'outline-hint', attrs: { id: 'outline-keys', 'aria-live': 'polite' } });
    this.details = new DetailsPane({
      current: () => ({ session: this.session, key: this.selected }),
      editStarted: () => { this.actionStarted = performance.now(); },
      edited: (select) => {
        if (select !== undefined) this.selected = select;
        this.commit(false);
      },
      escape: () => this.focusSelectedRow(),
    });
    this.notes = el('ul', { className: 'notes', attrs: { id: 'notes' } });
    this.analysis = el('div', { attrs: { id: 'analysis' } });
    this.exportPanel = new ExportPanel({
      svgFor: (background) => this.host.svgFor(background),
      changed: (view) => this.saved.setView(view),
      saveAs: (format) => void this.export(format, true),
      legend: () => this.exportLegend(),
    }, this.saved.viewSettings);
    const section = (id: string, heading: string, content: HTMLElement, open: boolean): HTMLElement =>
      el('vscode-collapsible', { className: 'section', attrs: { id, heading, ...(open ? { open: '' } : {}) } }, [content]);
    this.notesSection = section('problems-section', 'Problems', this.notes, true);
    this.analysisSection = section('analysis-section', 'Analysis', this.analysis, true);
    this.detailsSection = section('details-section', 'Details', this.details.element, true);
    this.drawingPane = new DrawingPane({
      select: (key) => this.selectFromDrawing(key),
      rename: (key) => this.renameInDrawing(key),
      menu: (key, x, y) => this.showMenu(key, x, y),
    });
    this.menu = new NodeMenu((value) => this.runMenu(value));
    const header = el('header', {}, [this.heading, this.toolbar.element]);
    const outlinePane = el('section', { className: 'pane outline-pane', attrs: { slot: 'start', 'aria-label': 'Outline' } }, [
      this.outlineHint, this.outline, this.notesSection, this.detailsSection, this.analysisSection,
      section('export-section', 'Export', this.exportPanel.element, false),
    ]);
    this.drawingPane.element.setAttribute('slot', 'end');
    const position = `${this.saved.viewSettings.split ?? DEFAULT_SPLIT}%`;
    this.split = el('vscode-split-layout', {
      className: 'split', attrs: { id: 'split', split: 'vertical', 'initial-handle-position': position, 'handle-position': position, 'min-start': '10%', 'min-end': '10%' },
    }, [outlinePane, this.drawingPane.element]);
    this.split.addEventListener('vsc-split-layout-change', (e) => {
      if (this.split.getAttribute('split') !== 'vertical') return;
      const percent = (e as CustomEvent<{ positionInPercentage: number }>).detail.positionInPercentage;
      if (Number.isFinite(percent)) this.saved.setView({ split: Math.round(Math.min(SPLIT_RANGE.max, Math.max(SPLIT_RANGE.min, percent))) });
    });
    root.replaceChildren(header, this.banner, this.split);
    // Side by side, stacked only when the panel is narrow; the splitter keeps its place per orientation.
    new ResizeObserver(() => this.layout()).observe(document.body);
    wireKeyboard({
      outline: this.outline,
      run: (cmd) => this.run(cmd),
      // VS Code focuses the webview's frame (opening, revealing after undo): put focus on the row, not nowhere.
      frameFocused: () => {
        this.focusRowNext = false;
        if (nothingFocused()) this.focusSelectedRow();
      },
      tabIndents: () => !this.readOnly,
      tabLeaves: (on) => this.showOutlineHint(on),
    });
    this.renderAll();
  }

  /** The outline's key hint: how Tab works there and how to leave; `leaving` after Escape. */
  private showOutlineHint(leaving = false): void {
    const hint = this.outlineHint;
    hint.classList.toggle('leaving', leaving);
    if (leaving) hint.textContent = 'Tab now leaves the outline (Shift+Tab: back to the toolbar). Any other key: Tab indents again.';
    else if (this.readOnly) hint.textContent = 'Arrow keys move through the rows; Tab leaves the outline.';
    // F6 is VS Code's own Focus Next Part: the webview passes it on, and it leaves the panel (seen in the real workbench).
    else hint.textContent = 'Tab indents, Shift+Tab outdents. To leave the outline: Escape, then Tab, or F6 for VS Code\'s next part. Alt+Enter: the row\'s fields.';
  }

  private layout(): void {
    const narrow = document.body.clientWidth < NARROW;
    const split = narrow ? 'horizontal' : 'vertical';
    if (this.split.getAttribute('split') === split) return;
    this.split.setAttribute('split', split);
    this.split.handlePosition = narrow ? '45%' : `${this.saved.viewSettings.split ?? DEFAULT_SPLIT}%`;
  }

  /** The element Mermaid draws into. */
  get drawing(): HTMLElement {
    return this.drawingPane.drawing;
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
        this.title = diagramTitle(msg.kind, msg.kindIndex);
        this.fileName = msg.fileName;
        this.saved.document(msg, this.selected);
        const wasGone = this.gone !== undefined;
        this.gone = undefined;
        this.hostNote = msg.hostNote;
        // On open, the selected (first) row takes focus so the arrow keys work at once.
        const focusRow = this.focusRowNext || !this.session;
        this.focusRowNext = false;
        const byHistory = this.sync.historyInFlight;
        const reread = this.sync.onDocument(msg.content, msg.version);
        if (reread && this.sync.awaitingOvertaken && msg.kind === this.kind && this.session && !wasGone) {
          // An edit of ours is unanswered and the text changed under it: whether it was written first
          // is known only from its answer. Until then the page keeps its view (a new row's anchor may be
          // in that edit); the answer makes every step again on the text as it is (trial14b F7).
          this.renderChrome();
          return;
        }
        if (reread || msg.kind !== this.kind || !this.session || wasGone) {
          this.kind = msg.kind;
          this.load(focusRow, byHistory ? 'history' : 'text');
        } else {
          this.renderChrome();
          if (focusRow) this.focusSelectedRow();
        }
        return;
      }
      case 'gone': {
        this.gone = msg.reason;
        this.goneWhatNow = msg.whatNow;
        this.hostNote = undefined;
        // What was being typed stays on the page, to copy back once the panel is reopened (trial14b F2).
        const typed = this.naming.typed;
        if (typed !== undefined && typed.trim() !== '' && typed !== this.naming.current?.label) this.notice = `Not written — what you typed: “${typed}”.`;
        // A new row being named was never written: drop it with the rename.
        if (this.naming.hasUnwritten) this.load();
        this.closeNameField();
        this.renderAll();
        return;
      }
      case 'editResult': {
        const r = this.sync.onResult(msg.requestId, msg.ok, msg.version);
        if (!msg.ok && !r.overtaken) {
          const typed = (r.refused ?? []).flatMap((steps) => steps.intents.flatMap((step) => typedText(step) ?? []));
          this.notice = r.answered === 'undo' || r.answered === 'redo'
            ? `${r.answered === 'undo' ? 'Undo' : 'Redo'} did not happen: ${msg.reason ?? 'VS Code refused it'}`
            : `Your last change was not written: ${msg.reason ?? 'the document changed'}${typed.length > 0 ? ` What you typed: ${typed.map((t) => `“${t}”`).join(', ')}.` : ''}`;
        }
        if (r.send) this.host.post(r.send);
        // Refused edits are not in the text: a new row being named next to one of their rows is added where that row would have gone.
        if (!msg.ok && !r.overtaken) {
          this.lost = (r.refused ?? []).flatMap((steps) => steps.intents);
          this.refusedNow = true;
        }
        if (r.reread || this.sync.hasOvertaken) this.load(false, r.overtaken ? 'text' : undefined);
        else this.renderChrome();
        return;
      }
      case 'exportRequest':
        void this.export(msg.format);
        return;
      case 'zoom':
        this.drawingPane.zoomBy(msg.action);
        return;
    }
  }

  /**
   * Shows the text now in the document (or the panel's newest state). `cause`: the text changed in
   * the document ('text': typing beside, a change on disk; 'history': the undo/redo the panel asked
   * for) — then what the person was in the middle of (a name field, the menu, the selection) is
   * carried over to the same row, found by identity, or ended with a word; never left on the row
   * that moved into its place (trial13b F10).
   */
  private load(focusRow = false, cause?: 'text' | 'history'): void {
    if (!this.kind) return;
    const content = this.sync.content;
    const old = this.session;
    const oldRows = old?.rows() ?? [];
    const selected = this.selected === undefined ? undefined : oldRows.find((r) => r.key === this.selected);
    const selectedIdentity = selected && old ? old.identify(selected.key) : undefined;
    const newRow = this.naming.unwrittenOrigin;
    const newRowTyped = this.naming.typed;
    // The rows a new row's place can be found from, by identity (keys of the old text may name other rows in the new one).
    const beforeKey = this.naming.unwrittenBefore;
    const beforeIdentity = beforeKey !== undefined && old ? old.identify(beforeKey) : undefined;
    const menuWasOpen = this.menu.open;
    this.menu.hide();
    // The text changed (typing beside, undo/redo): what the last outline action did is no longer what is shown.
    if (cause !== undefined) this.said = undefined;
    this.session = this.kind === 'fishbone' ? fishboneSession(content) : faultTreeSession(content);
    const words: string[] = [];
    // Edits the text overtook before they were written: applied again, in order, to the text as it is now.
    this.applyOvertaken(words);
    const newRowChain = newRow && old ? this.anchorChain(old, newRow.anchor, newRow.action) : [];
    // The text changed while a new row was being named: the row is added again next to the same row,
    // the field keeping what was typed (trial14b F7); when that row is gone, the typed text is shown.
    let readded: { key: string; anchor: string } | undefined;
    let place: { anchor: string; action: StructuralAction } | undefined;
    if (newRow && this.gone === undefined) {
      // Next to the same row, else where the unwritten row it was added next to would have gone (and so on up the chain).
      for (place of newRowChain) {
        readded = this.addAgain(place.anchor, place.action);
        if (readded) break;
      }
    }
    this.lost = [];
    const refusal = this.refusedNow;
    this.refusedNow = false;
    let dropped: { before: string | undefined } | undefined;
    if (readded) {
      this.naming.readded(readded.key, readded.anchor, place);
      this.selected = readded.key;
    } else {
      dropped = this.naming.dropUnwritten();
      if (dropped) this.selected = cause === 'text' || refusal ? this.placeOfDropped(old, beforeIdentity, newRowChain, words) : dropped.before;
    }
    if (dropped && (cause === 'text' || refusal)) {
      const typed = newRowTyped !== undefined && newRowTyped.trim() !== '' ? ` What you typed: “${newRowTyped}”.` : '';
      words.push(cause === 'text'
        ? `The block changed in the text while you named a new row, and the row it was added next to changed too: it was not written.${typed}`
        : `The new row you were naming was added next to a row that was not written: it was not written either.${typed}`);
    }
    if (cause !== undefined && old && !readded) {
      this.followRename(words);
      if (!dropped) this.followSelection(selected?.label, selectedIdentity, oldRows, cause === 'text', words);
      if (menuWasOpen && cause === 'text') words.push('The block changed in the text while the menu was open: the menu was closed and nothing was done.');
    }
    if (readded && cause !== undefined && old && menuWasOpen && cause === 'text') words.push('The block changed in the text while the menu was open: the menu was closed and nothing was done.');
    this.menuTarget = undefined;
    // After a refusal its words (what was typed, why) stay first.
    if (words.length > 0) this.notice = refusal && this.notice ? `${this.notice} ${words.join(' ')}` : words.join(' ');
    this.renderAll(focusRow || readded !== undefined);
    // Turned read-only by a change in the text: the outline starts again at its top, the effect under
    // the banner, not scrolled to a row that can no longer be edited (trial13b F5: the effect and the
    // first category were out of view under the banner, as if it covered them).
    if (old?.writable !== false && !this.session.writable) this.outline.closest('.pane')?.scrollTo({ top: 0 });
  }

  /**
   * Applies again the steps of edits a change in the text overtook (a teammate's change saved while
   * names were being typed), in the order they were made, and sends the result as one edit. A step
   * whose row is gone or changed is not applied; what was typed in it is put in the banner.
   */
  private applyOvertaken(words: string[]): void {
    const overtaken = this.sync.takeOvertaken();
    const s = this.session;
    if (!overtaken || !s) return;
    const applied: TypedStep[] = [];
    const notApplied: string[] = [];
    let opaque = false;
    for (const steps of overtaken) {
      opaque ||= steps.opaque;
      for (const step of steps.intents) {
        if (s.writable && applyStep(s, step) === 'applied') applied.push(step);
        else {
          notApplied.push(typedText(step) ?? '');
          this.lost.push(step);
        }
      }
    }
    if (applied.length > 0) {
      const msg = this.sync.local(s.text(), { intents: applied, opaque: false } satisfies Steps<TypedStep>);
      if (msg) this.host.post(msg);
    }
    const typed = notApplied.filter((t) => t.trim() !== '');
    if (applied.length > 0) words.push('The block changed in the text before your last edits were written: they were made again on the text as it is now.');
    if (notApplied.length > 0) {
      words.push(`${notApplied.length === 1 ? 'One edit was' : `${notApplied.length} edits were`} not written: the rows they were made on changed in the text meanwhile.`);
      if (typed.length > 0) words.push(`What you typed: ${typed.map((t) => `“${t}”`).join(', ')}.`);
    }
    if (opaque) words.push('A change made in Details before the text changed was not written; make it again.');
  }

  /**
   * Where a new row being named (added by `action` next to / inside row `anchor` of `old`) can go in
   * the current text, best first: next to the same row; when that row was itself added by an edit
   * that was not written and the new row was added after it (Enter), where that row would have gone;
   * and so on up the chain of unwritten rows.
   */
  private anchorChain(old: DiagramSession, anchor: string, action: StructuralAction): { anchor: string; action: StructuralAction }[] {
    const chain = [{ anchor, action }];
    const lost = this.lost.slice();
    let current = { anchor, action };
    while (current.action === 'addSibling' && lost.length > 0) {
      const key = old.locate(current.anchor);
      const label = key === undefined ? undefined : old.rows().find((r) => r.key === key)?.label;
      if (label === undefined) break;
      let at = -1;
      for (let i = lost.length - 1; i >= 0 && at < 0; i--) if (lost[i].kind === 'add' && lost[i].label === label) at = i;
      if (at < 0) break;
      const step = lost[at] as Extract<TypedStep, { kind: 'add' }>;
      lost.length = at;
      current = { anchor: step.anchor, action: step.action };
      chain.push(current);
    }
    return chain;
  }

  /**
   * The row to select when a new row being named was dropped: the row selected before it, found by
   * identity, else the row the chain of unwritten rows started from, else the row either was under
   * (a fishbone category); else the first row, said.
   */
  private placeOfDropped(old: DiagramSession | undefined, before: string | undefined, chain: readonly { anchor: string }[], words: string[]): string | undefined {
    const s = this.session;
    if (!s) return undefined;
    const candidates = [before, ...chain.map((c) => c.anchor)].filter((c): c is string => c !== undefined);
    // Then the rows those were under (their category), nearest first: not the effect unless nothing else is left.
    if (old) {
      const rows = old.rows();
      for (const identity of candidates.slice()) {
        const key = old.locate(identity);
        const at = key === undefined ? -1 : rows.findIndex((r) => r.key === key);
        for (let i = at - 1, depth = at >= 0 ? rows[at].depth : 0; i > 0 && depth > 1; i--) {
          if (rows[i].depth >= depth) continue;
          depth = rows[i].depth;
          const up = old.identify(rows[i].key);
          if (up !== undefined) candidates.push(up);
        }
      }
    }
    for (const identity of candidates) {
      const key = s.locate(identity);
      if (key !== undefined) return key;
    }
    const first = s.rows()[0];
    if (first) words.push(`The row you were adding next to is no longer in the text: “${first.label}” (the first row) is selected now.`);
    return first?.key;
  }

  /** Adds a new row again by `action` next to / inside the row `anchor` (an identity) of the current text. */
  private addAgain(anchor: string, action: StructuralAction): { key: string; anchor: string } | undefined {
    const s = this.session;
    const at = s?.writable ? s.locate(anchor) : undefined;
    if (!s || at === undefined) return undefined;
    const r = s.act(at, action);
    return r.changed && r.rename && r.select !== undefined ? { key: r.select, anchor: at } : undefined;
  }

  /** After the text changed: the open name field stays on its row (found by identity, its label unchanged) or closes unwritten. */
  private followRename(words: string[]): void {
    const target = this.naming.current;
    if (!target || !this.session) return;
    const now = target.identity === undefined ? undefined : this.session.locate(target.identity);
    const label = now === undefined ? undefined : this.session.rows().find((r) => r.key === now)?.label;
    if (now !== undefined && label === target.label) {
      this.naming.follow(now);
      this.selected = now;
      return;
    }
    const typed = this.naming.typed;
    this.closeNameField();
    words.push(`Your rename${typed !== undefined && typed !== target.label ? ` to “${typed}”` : ''} was not written: “${target.label}” changed in the text meanwhile (renamed, moved or deleted).`);
  }

  /**
   * After the text changed: the selection stays on its row, found by identity; a row renamed in place
   * (nothing moved: the same keys) stays selected by its key. Otherwise the first row is selected and,
   * for a change made outside the panel, the page says so: the next Delete must not hit another row.
   */
  private followSelection(label: string | undefined, identity: string | undefined, oldRows: readonly OutlineRow[], say: boolean, words: string[]): void {
    const s = this.session;
    if (!s || this.selected === undefined || this.naming.renaming !== undefined) return;
    const found = identity === undefined ? undefined : s.locate(identity);
    if (found !== undefined) {
      this.selected = found;
      return;
    }
    const rows = s.rows();
    const sameShape = rows.length === oldRows.length && rows.every((r, i) => r.key === oldRows[i].key);
    if (sameShape || !say) return;
    this.selected = rows[0]?.key;
    if (label !== undefined) words.push(`The row you had selected, “${label}”, changed in the text (moved or deleted): the first row is selected now.`);
  }

  /** Ends the open rename without writing (the field's late blur finds its rename over). */
  private closeNameField(): void {
    this.naming.stopRenaming();
    const field = this.drawingField;
    this.drawingField = undefined;
    field?.remove();
  }

  private get readOnly(): boolean {
    return this.gone !== undefined || !this.session?.writable;
  }

  // ---- editing ----

  private act(action: StructuralAction): void {
    if (this.readOnly || !this.session || this.selected === undefined) return;
    this.actionStarted = performance.now();
    const before = this.selected;
    const identity = this.session.identify(before);
    const label = this.labelOf(before) ?? '';
    const rowsBefore = this.session.rows();
    const r = this.session.act(this.selected, action);
    if (!r.changed) {
      // A key that does nothing says why (Tab on a first cause used to do nothing, silently).
      const reason = this.session.unavailable(before, action);
      this.said = reason === undefined ? undefined : refusedWords(action, label, reason);
      this.renderChrome();
      return;
    }
    if (r.select !== undefined) this.selected = r.select;
    const said = changedWords(action, { rows: rowsBefore, key: before }, { rows: this.session.rows(), key: this.selected });
    if (r.rename) {
      // Shown (outline and drawing) but not written until named.
      this.naming.nameNewRow(this.selected, before, this.labelOf(this.selected) ?? '', identity === undefined ? undefined : { anchor: identity, action });
      this.said = said;
      this.renderAll(true);
      return;
    }
    this.naming.stopRenaming();
    this.commit(true, identity === undefined ? undefined : { kind: 'act', identity, label, action }, said);
  }

  private startRename(): void {
    if (this.readOnly || this.selected === undefined || !this.session) return;
    this.naming.rename(this.selected, this.session.identify(this.selected), this.labelOf(this.selected) ?? '');
    this.renderOutline(true);
  }

  private labelOf(key: string | undefined): string | undefined {
    return key === undefined ? undefined : this.session?.rows().find((r) => r.key === key)?.label;
  }

  private finishRename(token: number | undefined, raw: string | undefined): void {
    // The outline's field removed by a redraw blurs: the rename goes on in the field drawn in its place.
    if (this.redrawingOutline || token === undefined) return;
    const finished = this.naming.finish(token);
    // A field whose rename already ended (a redraw's late blur, a field the text change closed).
    if (!finished.current) return;
    this.drawingField = undefined;
    this.said = undefined;
    const key = finished.target.key;
    const unwritten = finished.unwritten;
    this.actionStarted = performance.now();
    // One rule for every label field of both editors (core labelInput): control characters pasted
    // from a terminal are removed, and the page says so (trial13b F11).
    const cleaned = raw === undefined ? undefined : cleanLabelInput(raw);
    const label = cleaned?.label;
    const removedNote = cleaned && cleaned.removed > 0 ? removedControlNote(cleaned.removed) : undefined;
    if (label !== undefined && !this.readOnly && label.trim() === '') {
      // An empty name would be written as `#32;`: a bare arrow, counted as a cause (trial13b F4).
      this.notice = unwritten
        ? 'A new row needs a name: nothing was added.'
        : `A name cannot be empty: “${finished.target.label}” keeps its name (Delete removes the row).`;
      if (unwritten) this.selected = unwritten.before;
      if (unwritten) this.load(true);
      else this.renderAll(true);
      return;
    }
    if (unwritten && (label === undefined || this.readOnly)) {
      // Escape on a new row: it was never written; show the text as it is, with the row selected before.
      this.selected = unwritten.before;
      this.load(true);
      return;
    }
    if (label !== undefined && !unwritten && this.session && finished.target.identity !== undefined) {
      // The row the field was opened on, checked against the text as it is now: never another one.
      const now = this.session.locate(finished.target.identity);
      if (now !== key || this.labelOf(now) !== finished.target.label) {
        this.notice = `Your rename to “${label}” was not written: “${finished.target.label}” changed in the text meanwhile (renamed, moved or deleted).`;
        this.renderAll(true);
        return;
      }
    }
    const renamed = label !== undefined && this.session !== undefined && !this.readOnly && this.session.rename(key, label);
    // What was done, to apply again if a change in the text overtakes the edit (trial14b F7).
    const written = label ?? finished.target.label;
    const step: TypedStep | undefined = unwritten
      ? (unwritten.origin ? { kind: 'add', anchor: unwritten.origin.anchor, action: unwritten.origin.action, label: written } : undefined)
      : (finished.target.identity !== undefined ? { kind: 'rename', identity: finished.target.identity, from: finished.target.label, label: written } : undefined);
    // A new row is written even when its placeholder name was kept.
    if (renamed || unwritten) this.commit(true, step);
    else this.renderOutline(true);
    if (removedNote) {
      this.notice = removedNote;
      this.renderChrome();
    }
  }

  /**
   * After a local edit: send the new block text, redraw everything (focus: on the outline row, else
   * where it was). `said`: what the edit did, for the live region (an outline action); else nothing.
   */
  private commit(focusRow = true, step?: TypedStep, said?: string): void {
    if (!this.session) return;
    this.notice = undefined;
    this.said = said;
    // An edit without a step (a field in Details) cannot be made again on other text.
    const msg = this.sync.local(this.session.text(), step ? { intents: [step], opaque: false } : { intents: [], opaque: true });
    if (msg) this.host.post(msg);
    this.renderAll(focusRow);
  }

  /** Also when the block is gone: undoing its deletion in the document brings it back to this panel. */
  private history(direction: 'undo' | 'redo'): void {
    this.focusRowNext = true;
    // What the last action did is about to be undone (or redone): no longer what is shown.
    this.said = undefined;
    const msg = this.sync.history(direction);
    if (msg) this.host.post(msg);
    this.renderChrome();
  }

  /**
   * The legend's entries with the labels of the nodes each colour marks (a node shared by several
   * rows, once); a label still the template's is marked, as in the analysis (an exported "Second
   * cause" named as a single point of failure read as a finding).
   */
  private exportLegend(): ExportLegendEntry[] {
    const s = this.session;
    if (!s) return [];
    const rows = s.rows();
    return s.legend().map((entry) => {
      const ids = new Set(entry.nodeIds);
      const names = new Map<string, string>();
      for (const r of rows) {
        const node = s.nodeOf(r.key);
        if (ids.has(node) && !names.has(node)) names.set(node, isFaultTreePlaceholder(r.label) ? `${r.label}${PLACEHOLDER_MARK}` : r.label);
      }
      return { entry, names: [...names.values()] };
    });
  }

  private async export(format: ExportFormat, saveAs = false): Promise<void> {
    this.host.post(await this.exportPanel.message(format, saveAs));
  }

  // ---- the drawing ----

  /** A click on a node: its row is selected and its line shown in the text editor. */
  private selectFromDrawing(key: string): void {
    this.menu.hide();
    this.select(key);
    const line = this.session?.lineOf(key);
    if (line !== undefined) this.host.post({ type: 'reveal', line });
  }

  /** A double-click on a node: a name field over the node (the outline's F2, in place). */
  private renameInDrawing(key: string): void {
    if (this.readOnly || !this.session) return;
    this.select(key);
    if (this.selected !== key) return;
    const row = this.session.rows().find((r) => r.key === key);
    const rect = this.drawingPane.selectedRect();
    if (!row || !rect) return this.startRename();
    const token = this.naming.rename(key, this.session.identify(key), row.label);
    // The field first: the outline, drawn next, then shows no field of its own for the row.
    this.drawingField = openRenameField(rect, row.label, (label) => this.finishRename(token, label), (value) => this.naming.typing(token, value));
    this.renderOutline(false);
  }

  private showMenu(key: string, x: number, y: number): void {
    this.select(key);
    const s = this.session;
    if (!s || this.selected !== key) return;
    this.menuTarget = { key, identity: s.identify(key) };
    const items: MenuItem[] = [];
    for (const m of MENU) {
      if (m.only && m.only !== this.kind) continue;
      const applies = m.action === 'rename' ? !this.readOnly : !this.readOnly && s.unavailable(key, m.action) === undefined;
      if (applies) items.push({ label: m.label, keybinding: m.keybinding, value: m.action });
    }
    this.menu.show(items, x, y);
  }

  private runMenu(value: string): void {
    const target = this.menuTarget;
    this.menuTarget = undefined;
    if (this.selected === undefined || !target || !this.session) return;
    // The menu acts on the row it was opened on, as the text is now, or not at all.
    const now = target.identity === undefined ? undefined : this.session.locate(target.identity);
    if (now !== target.key || this.selected !== now) {
      this.notice = 'Nothing was done: the row the menu was opened on changed in the text meanwhile.';
      this.renderAll(true);
      return;
    }
    if (value === 'rename') return this.renameInDrawing(this.selected);
    const item = MENU.find((m) => m.action === value);
    if (item && item.action !== 'rename') this.act(item.action);
  }

  /** Why a toolbar button does not apply now (its tooltip), or undefined when it does. */
  private unavailable(id: ToolbarButtonId): string | undefined {
    const s = this.session;
    if (!s) return 'nothing to edit yet';
    if (id === 'undo' || id === 'redo') return undefined;
    if (id === 'export-svg' || id === 'export-png') return this.drawingPane.svg ? undefined : 'nothing drawn yet';
    if (this.gone !== undefined) return 'the block is no longer in the document';
    if (this.readOnly) return 'the block holds text the editor cannot read; fix it in the text first';
    if (this.selected === undefined) return 'select a row first';
    if (id === 'edit-details') return s.details(this.selected, () => undefined) ? undefined : 'this row has no fields';
    const action = BUTTON_ACTIONS[id];
    return action ? s.unavailable(this.selected, action) : undefined;
  }

  // ---- selection and focus ----

  private run(cmd: OutlineCommand): void {
    switch (cmd.kind) {
      case 'structural': return this.act(cmd.action);
      case 'rename': return this.startRename();
      case 'details': return this.details.focusFirstField();
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
    const renaming = this.naming.renaming;
    if (renaming !== undefined && renaming !== key) return;
    // What the last action did is said until the person moves on.
    if (this.said !== undefined && key !== this.selected) {
      this.said = undefined;
      this.renderChrome();
    }
    this.selected = key;
    this.saved.select(key);
    this.renderOutline(true);
  }

  private focusSelectedRow(): void {
    focusSelectedRow(this.outline);
  }

  // ---- drawing the page ----

  private renderAll(focus = false): void {
    this.renderChrome();
    this.renderOutline(focus);
    const s = this.session;
    const notes = s ? this.noteItems(s) : [];
    this.notes.replaceChildren(...notes);
    this.notesSection.hidden = notes.length === 0;
    this.notesSection.setAttribute('heading', `Problems (${notes.length})`);
    const analysis = s?.analysis();
    this.analysis.replaceChildren(...(analysis ? [analysis] : []));
    this.analysisSection.hidden = analysis === undefined;
    this.drawingPane.showLegend(s?.legend() ?? []);
    if (s) {
      const text = s.drawingText();
      // Mermaid's error lines can be shown as document lines only when it draws the block's own text.
      this.drawingPane.willDraw(text === this.sync.content);
      this.host.draw(text);
    }
  }

  /**
   * Which lines the banner of a read-only panel points to (": line 70 and 2 more, listed under
   * Problems"): the Problems list may be scrolled out of view under a long outline (trial13b F5).
   */
  private unreadLines(s: DiagramSession): string {
    const lines = [...new Set(problemList(s.problems, [], this.firstLine).flatMap((p) => (p.fileLine === undefined ? [] : [p.fileLine])))];
    if (lines.length === 0) return ' (listed under Problems)';
    const more = lines.length - 1;
    return `: line ${lines[0]}${more > 0 ? ` and ${more} more` : ''}, listed under Problems`;
  }

  private noteItems(s: DiagramSession): HTMLElement[] {
    return problemList(s.problems, s.notes(), this.firstLine).map((p) => el('li', { className: p.severity, text: p.text }));
  }

  private renderChrome(): void {
    // Short enough not to wrap: "Fishbone 1 · file.md", the file name cut with an ellipsis when narrow.
    this.headingKind.textContent = this.title || 'Diagram';
    this.headingFile.textContent = this.fileName ? ` · ${this.fileName}` : '';
    this.heading.title = this.title ? `${this.title} of ${this.fileName}` : '';
    const readOnly = this.readOnly;
    this.toolbar.update(this.kind, (id) => this.unavailable(id));
    const messages: string[] = [];
    if (this.gone !== undefined) messages.push(`${this.gone} ${this.goneWhatNow ?? 'This panel no longer writes to the document; close it, or undo the change in the text.'}`);
    else if (this.session && !this.session.writable) messages.push(`The block holds text the editor does not understand${this.unreadLines(this.session)}. Fix it in the text; until then this panel will not overwrite it.`);
    if (this.gone === undefined && this.hostNote) messages.push(this.hostNote);
    if (this.notice) messages.push(this.notice);
    if (this.said) messages.push(this.said);
    this.banner.textContent = messages.join(' ');
    this.banner.hidden = messages.length === 0;
    this.banner.className = `banner ${this.gone !== undefined || (this.session && !this.session.writable) ? 'error' : 'info'}`;
    if (!this.outlineHint.classList.contains('leaving')) this.showOutlineHint();
    document.body.dataset.state = this.gone !== undefined ? 'gone' : readOnly ? 'read-only' : this.sync.pending ? 'saving' : 'saved';
  }

  private renderOutline(focus: boolean): void {
    const rows = this.session?.rows() ?? [];
    if (!rows.some((r) => r.key === this.selected)) this.selected = rows[0]?.key;
    const active = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    const hadFocus = focus || this.outline.contains(active ?? null);
    const renaming = this.naming.renaming;
    const token = this.naming.token;
    this.redrawingOutline = true;
    try {
      renderOutline(this.outline, rows, {
        readOnly: this.readOnly,
        selected: this.selected,
        renaming: this.drawingField || renaming === undefined ? undefined : { key: renaming, value: this.naming.typed ?? this.labelOf(renaming) ?? '' },
        onSelect: (key) => this.select(key),
        onRenameInput: (value) => { if (token !== undefined) this.naming.typing(token, value); },
        onRenameDone: (label) => this.finishRename(token, label),
      });
    } finally {
      this.redrawingOutline = false;
    }
    this.details.render(hadFocus ? undefined : active);
    // A row without fields (a fishbone category) shows no Details section, not an empty one.
    this.detailsSection.hidden = this.details.element.childElementCount === 0;
    this.toolbar.update(this.kind, (id) => this.unavailable(id));
    this.drawingPane.showSelected(this.selected === undefined ? undefined : this.session?.nodeOf(this.selected));
    const selectedRow = this.outline.querySelector<HTMLElement>('li.selected');
    const input = selectedRow?.querySelector('input');
    if (input) {
      input.focus();
      // Drawn again while being typed in (the text changed elsewhere): the caret goes on after the typed text.
      if (this.naming.typed === undefined) input.select();
      else input.setSelectionRange(input.value.length, input.value.length);
    } else if (hadFocus) this.focusSelectedRow();
  }

  /** Called by the host when a drawing finished (or failed). */
  drawn(ok: boolean, renderMs: number, error?: string): void {
    const session = this.session;
    this.drawingPane.drawn(ok, error, this.firstLine, (session?.problems.length ?? 0) > 0, (svg) => session?.drawnNodes(svg) ?? []);
    this.toolbar.update(this.kind, (id) => this.unavailable(id));
    const sinceAction = this.actionStarted === undefined ? undefined : performance.now() - this.actionStarted;
    this.actionStarted = undefined;
    window.dispatchEvent(new CustomEvent('pm-drawn', { detail: { ok, renderMs, sinceAction } }));
    this.host.post({ type: 'drawn', ok, ms: Math.max(0, Math.round(renderMs)) });
  }
}
