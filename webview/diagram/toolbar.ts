import type { DiagramKind, ExportFormat } from '../../src/shared/protocol/messages';
import { el } from './dom';
import type { StructuralAction } from './outlineModel';

/** What the toolbar's buttons do (the app's actions). */
export interface ToolbarActions {
  act(action: StructuralAction): void;
  rename(): void;
  focusDetails(): void;
  history(direction: 'undo' | 'redo'): void;
  export(format: ExportFormat): void;
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

/** The header's buttons; each title names its key. */
export class Toolbar {
  readonly element: HTMLElement;
  private readonly buttons: { def: Button; node: HTMLButtonElement }[] = [];

  constructor(actions: ToolbarActions) {
    this.element = el('div', { className: 'toolbar', attrs: { role: 'toolbar', 'aria-label': 'Diagram actions' } });
    for (const def of buttonDefs(actions)) {
      const node = el('button', { text: def.text, attrs: { id: def.id, title: def.title, type: 'button' } });
      node.addEventListener('click', () => def.run());
      this.buttons.push({ def, node });
      this.element.append(node);
    }
  }

  /** Hides the other kind's buttons; disables editing ones when the panel may not write. */
  update(kind: DiagramKind | undefined, hasSession: boolean, readOnly: boolean): void {
    for (const { def, node } of this.buttons) {
      node.hidden = def.only !== undefined && def.only !== kind;
      node.disabled = def.always ? !hasSession : readOnly || !hasSession;
    }
  }
}

function buttonDefs(actions: ToolbarActions): Button[] {
  const a = (action: StructuralAction) => () => actions.act(action);
  return [
    { id: 'add-sibling', text: 'Add', title: 'Add a sibling after the selected row (Enter)', run: a('addSibling') },
    { id: 'add-child', text: 'Add inside', title: 'Add a child of the selected row (Ctrl+Enter)', run: a('addChild') },
    { id: 'add-gate', text: 'Add gate', title: 'Add a gate under the selected gate (Ctrl+Shift+Enter)', run: a('addGate'), only: 'fault-tree' },
    { id: 'rename', text: 'Rename', title: 'Rename the selected row (F2)', run: () => actions.rename() },
    { id: 'edit-details', text: 'Details', title: 'Go to the selected row\'s fields below the outline (Alt+Enter); Escape comes back', run: () => actions.focusDetails(), always: true },
    { id: 'indent', text: 'Indent', title: 'Indent: make it part of the row above (Tab)', run: a('indent') },
    { id: 'outdent', text: 'Outdent', title: 'Outdent (Shift+Tab)', run: a('outdent') },
    { id: 'move-up', text: '↑', title: 'Move up (Alt+Up)', run: a('up') },
    { id: 'move-down', text: '↓', title: 'Move down (Alt+Down)', run: a('down') },
    { id: 'delete', text: 'Delete', title: 'Delete the selected row and what is under it (Delete)', run: a('delete') },
    { id: 'undo', text: 'Undo', title: 'Undo the last change to the document (Ctrl+Z)', run: () => actions.history('undo'), always: true },
    { id: 'redo', text: 'Redo', title: 'Redo (Ctrl+Shift+Z)', run: () => actions.history('redo'), always: true },
    { id: 'export-svg', text: 'SVG', title: 'Save the drawing as SVG next to the post-mortem', run: () => actions.export('svg'), always: true },
    { id: 'export-png', text: 'PNG', title: 'Save the drawing as PNG next to the post-mortem', run: () => actions.export('png'), always: true },
  ];
}
