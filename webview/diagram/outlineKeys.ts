import type { StructuralAction } from './outlineModel';

export type OutlineCommand =
  | { readonly kind: 'structural'; readonly action: StructuralAction }
  | { readonly kind: 'rename' }
  /** Move focus from the tree to the selected row's fields (Tab cannot: it indents). */
  | { readonly kind: 'details' }
  | { readonly kind: 'select'; readonly delta: number | 'first' | 'last' }
  | { readonly kind: 'history'; readonly direction: 'undo' | 'redo' };

export interface KeyLike {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

/**
 * Keyboard map of the outline (a tree with a single selected row): Enter adds a sibling,
 * Ctrl/Cmd+Enter a child (Ctrl+Shift+Enter a gate), Tab / Shift+Tab indent and outdent,
 * Delete removes, F2 renames, Alt+Enter goes to the row's fields below the tree, Alt+↑/↓ reorder, ↑/↓/Home/End move the selection,
 * Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z (or Ctrl+Y) undo and redo in the document.
 */
export function outlineCommand(e: KeyLike): OutlineCommand | undefined {
  const mod = e.ctrlKey || e.metaKey;
  switch (e.key) {
    case 'Enter':
      if (mod) return { kind: 'structural', action: e.shiftKey ? 'addGate' : 'addChild' };
      return e.altKey ? (e.shiftKey ? undefined : { kind: 'details' }) : { kind: 'structural', action: 'addSibling' };
    case 'Tab': return { kind: 'structural', action: e.shiftKey ? 'outdent' : 'indent' };
    case 'Delete': return { kind: 'structural', action: 'delete' };
    case 'F2': return { kind: 'rename' };
    case 'ArrowUp': return e.altKey ? { kind: 'structural', action: 'up' } : { kind: 'select', delta: -1 };
    case 'ArrowDown': return e.altKey ? { kind: 'structural', action: 'down' } : { kind: 'select', delta: 1 };
    case 'Home': return { kind: 'select', delta: 'first' };
    case 'End': return { kind: 'select', delta: 'last' };
  }
  if (mod && !e.altKey) {
    const k = e.key.toLowerCase();
    if (k === 'z') return { kind: 'history', direction: e.shiftKey ? 'redo' : 'undo' };
    if (k === 'y') return { kind: 'history', direction: 'redo' };
  }
  return undefined;
}
