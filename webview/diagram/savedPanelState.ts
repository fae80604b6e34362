import type { DocumentMessage } from '../../src/shared/protocol/messages';
import { diagramStateOf, type DiagramPanelState, type DiagramViewState } from '../../src/shared/protocol/state';

export interface PanelStateStore {
  /** Kept by VS Code for this panel: after a window reload the extension finds the block again from it. */
  saveState(state: DiagramPanelState): void;
  /** The state saved before (validated), if any. */
  loadState(): DiagramPanelState | undefined;
}

/** What the page last saved: which block of which document, the selected row and the view settings. */
export class SavedPanelState {
  private saved: DiagramPanelState | undefined;
  /** Kept apart from the block: set before the first document arrives, carried into every save. */
  private view: DiagramViewState;

  constructor(private readonly store: PanelStateStore) {
    this.saved = store.loadState();
    const s = this.saved;
    this.view = s ? { split: s.split, exportBackground: s.exportBackground, exportScale: s.exportScale } : {};
  }

  /** The row selected before a window reload, if any. */
  get selected(): string | undefined {
    return this.saved?.selected;
  }

  get viewSettings(): DiagramViewState {
    return this.view;
  }

  /** A document message arrived: remember its block with the selected row. */
  document(msg: DocumentMessage, selected: string | undefined): void {
    this.save(diagramStateOf(msg, selected, this.defined()));
  }

  /** Another row was selected (only once a block is known). */
  select(key: string): void {
    if (this.saved) this.save({ ...this.saved, selected: key });
  }

  /** The splitter moved or an export choice changed. */
  setView(change: DiagramViewState): void {
    this.view = { ...this.view, ...change };
    if (this.saved) this.save({ ...this.saved, ...this.defined() });
  }

  /** The view settings that have a value (a state never holds `undefined` fields). */
  private defined(): DiagramViewState {
    return Object.fromEntries(Object.entries(this.view).filter(([, v]) => v !== undefined)) as DiagramViewState;
  }

  private save(state: DiagramPanelState): void {
    this.saved = state;
    this.store.saveState(state);
  }
}
