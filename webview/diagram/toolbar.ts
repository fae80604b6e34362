import type { DiagramKind } from '../../src/shared/protocol/messages';
import { el } from './dom';
import type { StructuralAction } from './outlineModel';

/** What the toolbar's buttons do (the app's actions). */
export interface ToolbarActions {
  act(action: StructuralAction): void;
  rename(): void;
  focusDetails(): void;
  history(direction: 'undo' | 'redo'): void;
  /** Quick export next to the post-mortem, with the export settings chosen in the panel. */
  export(format: 'svg' | 'png'): void;
}

/** Why a button cannot be used now (shown as its tooltip), or undefined when it can. */
export type Availability = (id: ToolbarButtonId) => string | undefined;

export type ToolbarButtonId =
  | 'add-sibling' | 'add-child' | 'add-gate' | 'rename' | 'edit-details' | 'indent' | 'outdent'
  | 'move-up' | 'move-down' | 'delete' | 'undo' | 'redo' | 'export-svg' | 'export-png';

interface Button {
  readonly id: ToolbarButtonId;
  /** A codicon name (bundled font, see scripts/build.mjs). */
  readonly icon: string;
  /** What it does and its key: the tooltip and the accessible name. */
  readonly title: string;
  readonly run: () => void;
  /** Shown only for this kind. */
  readonly only?: DiagramKind;
  /** Starts a group (a separator before it). */
  readonly group?: boolean;
}

/**
 * The header's icon buttons (`vscode-button` from @vscode-elements/elements). Each tooltip names
 * the key; a button that does not apply to the selected row is disabled and its tooltip says why.
 * The tooltip sits on a wrapper: a disabled vscode-button takes no pointer events, so a title on
 * the button itself would never show.
 */
export class Toolbar {
  readonly element: HTMLElement;
  private readonly buttons: { def: Button; node: HTMLElement; wrap: HTMLElement }[] = [];

  constructor(actions: ToolbarActions) {
    this.element = el('div', { className: 'toolbar', attrs: { role: 'toolbar', 'aria-label': 'Diagram actions' } });
    for (const def of buttonDefs(actions)) {
      const node = el('vscode-button', { attrs: { id: def.id, icon: def.icon, secondary: '', title: def.title, 'aria-label': def.title } });
      node.addEventListener('click', () => {
        if (!node.hasAttribute('disabled')) def.run();
      });
      const wrap = el('span', { className: `tool${def.group ? ' group-start' : ''}`, attrs: { title: def.title } }, [node]);
      this.buttons.push({ def, node, wrap });
      this.element.append(wrap);
    }
  }

  /** Hides the other kind's buttons; disables those that do not apply, saying why. */
  update(kind: DiagramKind | undefined, why: Availability): void {
    for (const { def, node, wrap } of this.buttons) {
      wrap.hidden = def.only !== undefined && def.only !== kind;
      // A button of the other kind is hidden and says nothing about this diagram (trial14b F8: the
      // fishbone's hidden "Add a gate" read "the effect stays at the head of the fishbone").
      const reason = wrap.hidden ? 'not used in this kind of diagram' : why(def.id);
      node.toggleAttribute('disabled', reason !== undefined);
      node.setAttribute('aria-disabled', String(reason !== undefined));
      const title = reason === undefined ? def.title : `${def.title}: ${reason}`;
      wrap.title = title;
      node.title = title;
      node.setAttribute('aria-label', title);
    }
  }
}

function buttonDefs(actions: ToolbarActions): Button[] {
  const a = (action: StructuralAction) => () => actions.act(action);
  return [
    { id: 'add-sibling', icon: 'add', title: 'Add a sibling after the selected row (Enter)', run: a('addSibling') },
    { id: 'add-child', icon: 'type-hierarchy-sub', title: 'Add inside the selected row (Ctrl+Enter)', run: a('addChild') },
    { id: 'add-gate', icon: 'symbol-operator', title: 'Add a gate: under the selected gate with two new events, or above the selected event (Ctrl+Shift+Enter)', run: a('addGate'), only: 'fault-tree' },
    { id: 'rename', icon: 'edit', title: 'Rename the selected row (F2, or double-click in the drawing)', run: () => actions.rename() },
    { id: 'edit-details', icon: 'symbol-property', title: 'Go to the selected row\'s fields (Alt+Enter; Escape comes back)', run: () => actions.focusDetails() },
    { id: 'indent', icon: 'arrow-right', title: 'Indent: move under the row above (Tab)', run: a('indent'), group: true },
    { id: 'outdent', icon: 'arrow-left', title: 'Outdent: move up one level (Shift+Tab)', run: a('outdent') },
    { id: 'move-up', icon: 'arrow-up', title: 'Move up (Alt+Up)', run: a('up') },
    { id: 'move-down', icon: 'arrow-down', title: 'Move down (Alt+Down)', run: a('down') },
    { id: 'delete', icon: 'trash', title: 'Delete the selected row and what is under it (Delete)', run: a('delete') },
    { id: 'undo', icon: 'discard', title: 'Undo the last change to the document (Ctrl+Z)', run: () => actions.history('undo'), group: true },
    { id: 'redo', icon: 'redo', title: 'Redo (Ctrl+Shift+Z)', run: () => actions.history('redo') },
    { id: 'export-svg', icon: 'export', title: 'Save the drawing as SVG next to the post-mortem (Export section for background and Save As)', run: () => actions.export('svg'), group: true },
    { id: 'export-png', icon: 'file-media', title: 'Save the drawing as PNG next to the post-mortem (Export section for background, scale and Save As)', run: () => actions.export('png') },
  ];
}
