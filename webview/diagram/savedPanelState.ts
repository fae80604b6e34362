import type { DocumentMessage } from '../../src/shared/protocol/messages';
import { diagramStateOf, type DiagramPanelState } from '../../src/shared/protocol/state';

export interface PanelStateStore {
  /** Kept by VS Code for this panel: after a window reload the extension finds the block again from it. */
  saveState(state: DiagramPanelState): void;
  /** The state saved before (validated), if any. */
  loadState(): DiagramPanelState | undefined;
}

/** What the page last saved: which block of which document, and the selected row. */
export class SavedPanelState {
  private saved: DiagramPanelState | undefined;

  constructor(private readonly store: PanelStateStore) {
    this.saved = store.loadState();
  }

  /** The row selected before a window reload, if any. */
  get selected(): string | undefined {
    return this.saved?.selected;
  }

  /** A document message arrived: remember its block with the selected row. */
  document(msg: DocumentMessage, selected: string | undefined): void {
    this.save(diagramStateOf(msg, selected));
  }

  /** Another row was selected (only once a block is known). */
  select(key: string): void {
    if (this.saved) this.save({ ...this.saved, selected: key });
  }

  private save(state: DiagramPanelState): void {
    this.saved = state;
    this.store.saveState(state);
  }
}
