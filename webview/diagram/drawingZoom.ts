import type { ZoomAction } from '../../src/shared/protocol/messages';
import { el } from './dom';

/** Zoom steps for + and − (1 = the drawing's own size, as Mermaid laid it out). */
const STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];

/**
 * Zoom of the drawing: "Fit" shrinks it to the pane (never enlarges), any other level shows it at
 * that share of its own size inside the scrolling drawing box, so a wide fault tree can be read at
 * 100% and scrolled. Applied through a class and a CSS variable on the box (never on the SVG,
 * which is replaced on each drawing and exported as it is).
 */
export class DrawingZoom {
  readonly bar: HTMLElement;
  private readonly level: HTMLElement;
  private scale: number | 'fit' = 'fit';

  constructor(private readonly drawing: HTMLElement) {
    const button = (id: string, text: string, title: string, run: () => void): HTMLButtonElement => {
      const b = el('button', { text, attrs: { id, type: 'button', title, 'aria-controls': 'drawing' } });
      b.addEventListener('click', run);
      return b;
    };
    this.level = el('span', { className: 'zoom-level', attrs: { id: 'zoom-level', 'aria-live': 'polite' } });
    this.bar = el('div', { className: 'zoom-bar', attrs: { role: 'toolbar', 'aria-label': 'Zoom' } }, [
      button('zoom-fit', 'Fit', 'Fit the drawing to the pane', () => this.set('fit')),
      button('zoom-100', '100%', 'Show the drawing at its own size (0 in the drawing, Ctrl+0 in the panel)', () => this.set(1)),
      button('zoom-out', '−', 'Zoom out (- in the drawing, Ctrl+- in the panel)', () => this.step(-1)),
      button('zoom-in', '+', 'Zoom in (+ in the drawing, Ctrl+= in the panel)', () => this.step(1)),
      this.level,
    ]);
    // Plain + − 0 only. VS Code hands every key pressed in a webview on to the workbench as well
    // (preventDefault does not stop it): Ctrl/Cmd+= / - / 0 are bound by the extension while the panel
    // is active and come back as a `zoom` message (see run). Handling them here too would zoom twice.
    drawing.addEventListener('keydown', (e) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const action: ZoomAction | undefined = e.key === '=' || e.key === '+' ? 'in' : e.key === '-' ? 'out' : e.key === '0' ? 'reset' : undefined;
      if (!action) return;
      e.preventDefault();
      e.stopPropagation();
      this.run(action);
    });
  }

  /** One zoom action, from the drawing's own keys or from the extension's Ctrl/Cmd keybindings. */
  run(action: ZoomAction): void {
    if (action === 'reset') this.set(1);
    else this.step(action === 'in' ? 1 : -1);
  }

  /** The size Mermaid laid the drawing out at (its viewBox), if there is a drawing. */
  private natural(): { svg: SVGSVGElement; width: number } | undefined {
    const svg = this.drawing.querySelector('svg');
    if (!svg) return undefined;
    const box = svg.viewBox.baseVal;
    const width = box && box.width > 0 ? box.width : svg.getBoundingClientRect().width;
    return width > 0 ? { svg, width } : undefined;
  }

  /** The scale the drawing is shown at now (in Fit, what fitting gave). */
  private current(): number {
    if (this.scale !== 'fit') return this.scale;
    const n = this.natural();
    return n ? n.svg.getBoundingClientRect().width / n.width : 1;
  }

  set(scale: number | 'fit'): void {
    this.scale = scale;
    this.apply();
  }

  step(direction: 1 | -1): void {
    const now = this.current();
    const next = direction > 0 ? STEPS.find((s) => s > now + 0.005) : [...STEPS].reverse().find((s) => s < now - 0.005);
    this.set(next ?? (direction > 0 ? STEPS[STEPS.length - 1] : STEPS[0]));
  }

  /** Called after every drawing (the SVG is new) and every zoom change. */
  apply(): void {
    const n = this.natural();
    if (this.scale === 'fit' || !n) {
      this.drawing.classList.remove('zoomed');
      this.drawing.style.removeProperty('--zoom-width');
    } else {
      this.drawing.classList.add('zoomed');
      this.drawing.style.setProperty('--zoom-width', `${Math.round(n.width * this.scale)}px`);
    }
    const percent = Math.round(this.current() * 100);
    this.level.textContent = this.scale === 'fit' ? `Fit (${percent}%)` : `${percent}%`;
  }
}
