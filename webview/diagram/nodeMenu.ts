import { el } from './dom';

export interface MenuItem {
  readonly label: string;
  readonly keybinding?: string;
  readonly value: string;
}

/**
 * The context menu of a drawn node (`vscode-context-menu`): the outline's actions that apply to
 * the node's row, with their keys. It closes on a pick, a click elsewhere or Escape.
 */
export class NodeMenu {
  private readonly menu: HTMLElement & { data: unknown; show: boolean };

  constructor(run: (value: string) => void) {
    this.menu = el('vscode-context-menu', { className: 'node-menu', attrs: { id: 'node-menu' } }) as unknown as HTMLElement & { data: unknown; show: boolean };
    this.menu.addEventListener('vsc-context-menu-select', (e) => {
      const value = (e as CustomEvent<{ value: string }>).detail.value;
      if (value) run(value);
    });
    document.body.append(this.menu);
    // The element makes itself a Tab stop even while hidden (focus then lands on nothing visible);
    // shown, it focuses its own list, which needs no tab stop on the element.
    this.menu.tabIndex = -1;
  }

  show(items: readonly MenuItem[], x: number, y: number): void {
    if (items.length === 0) return;
    this.menu.data = items.map((i) => ({ label: i.label, keybinding: i.keybinding ?? '', value: i.value }));
    // Kept inside the window: a menu opened near the right or bottom edge opens towards the middle.
    const width = 240;
    const height = items.length * 26 + 8;
    this.menu.style.left = `${Math.max(0, Math.min(x, window.innerWidth - width))}px`;
    this.menu.style.top = `${Math.max(0, Math.min(y, window.innerHeight - height))}px`;
    this.menu.show = true;
    // The estimate above is short when a key column is wide ("Ctrl+Shift+Enter"): once drawn, the menu
    // is measured and moved back inside the panel (trial13b F2: cut off at the right edge).
    void (this.menu as unknown as { updateComplete?: Promise<unknown> }).updateComplete?.then(() => requestAnimationFrame(() => this.keepInside()));
  }

  private keepInside(): void {
    if (!this.menu.show) return;
    const r = this.menu.getBoundingClientRect();
    if (r.right > window.innerWidth) this.menu.style.left = `${Math.max(0, window.innerWidth - r.width - 2)}px`;
    if (r.bottom > window.innerHeight) this.menu.style.top = `${Math.max(0, window.innerHeight - r.height - 2)}px`;
  }

  /** True while the menu is shown. */
  get open(): boolean {
    return this.menu.show === true;
  }

  hide(): void {
    this.menu.show = false;
  }
}
