import { outlineCommand, type OutlineCommand } from './outlineKeys';

export interface KeyboardHost {
  readonly outline: HTMLElement;
  run(cmd: OutlineCommand): void;
  /** VS Code focused the webview's frame (opening, revealing after undo). */
  frameFocused(): void;
}

/**
 * The page's key map: outline keys on the outline; undo/redo anywhere but in a text field or
 * select (those keep their own undo).
 */
export function wireKeyboard(host: KeyboardHost): void {
  host.outline.addEventListener('keydown', (e) => {
    const cmd = outlineCommand(e);
    if (!cmd) return;
    e.preventDefault();
    e.stopPropagation();
    host.run(cmd);
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
