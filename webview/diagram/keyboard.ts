import { outlineCommand, type OutlineCommand } from './outlineKeys';

export interface KeyboardHost {
  readonly outline: HTMLElement;
  run(cmd: OutlineCommand): void;
  /** VS Code focused the webview's frame (opening, revealing after undo). */
  frameFocused(): void;
  /** False while the outline cannot be edited (read-only, gone): Tab then moves focus as anywhere else. */
  tabIndents(): boolean;
  /** Escape was pressed on a row: the next Tab leaves the outline (true), or that is over (false). */
  tabLeaves(on: boolean): void;
}

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta']);

/**
 * The page's key map: outline keys on the outline; undo/redo anywhere but in a text field or
 * select (those keep their own undo). In the outline Tab indents (the outliner convention), so it
 * does not move focus: Escape, then Tab (or Shift+Tab) leaves the outline, as in code editors that
 * keep Tab (CodeMirror's Escape-then-Tab); the hint above the outline says so.
 */
export function wireKeyboard(host: KeyboardHost): void {
  let leaving = false;
  const setLeaving = (on: boolean): void => {
    if (leaving === on) return;
    leaving = on;
    host.tabLeaves(on);
  };
  host.outline.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && (e.target as HTMLElement).getAttribute('role') === 'treeitem') {
      e.preventDefault();
      setLeaving(true);
      return;
    }
    if (e.key === 'Tab' && (leaving || !host.tabIndents())) {
      // Not prevented: the browser moves focus out of the outline, forwards or back.
      setLeaving(false);
      return;
    }
    if (!MODIFIERS.has(e.key)) setLeaving(false);
    const cmd = outlineCommand(e);
    if (!cmd) return;
    e.preventDefault();
    e.stopPropagation();
    host.run(cmd);
  });
  host.outline.addEventListener('focusout', (e) => {
    if (!host.outline.contains(e.relatedTarget as Node | null)) setLeaving(false);
  });
  document.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement | null;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA')) return;
    const cmd = outlineCommand(e);
    if (cmd?.kind === 'history') {
      e.preventDefault();
      host.run(cmd);
    }
  });
  window.addEventListener('focus', () => host.frameFocused());
}

/** True when nothing on the page has focus (the frame itself does). */
export function nothingFocused(): boolean {
  return !document.activeElement || document.activeElement === document.body;
}

/** Focus on the outline's selected row, scrolled into view below the sticky header. */
export function focusSelectedRow(outline: HTMLElement): void {
  const row = outline.querySelector<HTMLElement>('li.selected');
  if (!row) return;
  row.focus({ preventScroll: true });
  // 'nearest' with the page's scroll-padding-top (the header's height): never under the sticky header.
  row.scrollIntoView({ block: 'nearest' });
}
