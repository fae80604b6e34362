import type { ZoomAction } from '../../src/shared/protocol/messages';
import { el } from './dom';

/** Zoom steps for + and − (1 = the drawing's own size, as Mermaid laid it out). */
const STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];
/** Fit enlarges a small drawing, but not so far that its labels look shouted. */
const MAX_FIT = 1.5;
/** Room kept free around a fitted drawing (px): the focus outline and a little air. */
const FIT_MARGIN = 16;

/**
 * Zoom of the drawing. "Fit" shows the whole drawing in the pane, both width and height (the
 * default on open, and kept through every redraw until the person zooms); any other level shows it
 * at that share of its own size, centred, scrolled inside the drawing box when larger. The size is
 * set through CSS variables on the box (never on the SVG, which is replaced on each drawing and
 * exported as it is), and recomputed when the pane is resized.
 */
export class DrawingZoom {
  readonly bar: HTMLElement;
  private readonly level: HTMLElement;
  private readonly fitButton: HTMLElement;
  private readonly actualButton: HTMLElement;
  private scale: number | 'fit' = 'fit';

  constructor(private readonly drawing: HTMLElement) {
    const button = (id: string, icon: string, title: string, run: () => void, text?: string): HTMLElement => {
      const b = el('vscode-button', { text, attrs: { id, icon, secondary: '', title, 'aria-label': title, 'aria-controls': 'drawing' } });
      b.addEventListener('click', run);
      return b;
    };
    // The zoom in use is read between − and +, "71% (fit)"; the two presets are named by what they
    // do. A button labelled "100%" beside a readout "Fit (71%)" read as a second, contradicting level (trial12 T16d).
    this.level = el('span', { className: 'zoom-level', attrs: { id: 'zoom-level', 'aria-live': 'polite', title: 'Zoom in use' } });
    this.fitButton = button('zoom-fit', 'screen-full', 'Fit the whole drawing in the pane', () => this.set('fit'), 'Fit');
    this.actualButton = button('zoom-100', 'screen-normal', 'Show the drawing at its actual size, 100% (0 in the drawing, Ctrl+0 in the panel)', () => this.set(1), 'Actual size');
    this.bar = el('div', { className: 'zoom-bar', attrs: { role: 'toolbar', 'aria-label': 'Zoom' } }, [
      this.fitButton,
      this.actualButton,
      // − level + stay together when a narrow pane wraps the bar (the + was cut off at 280 px).
      el('span', { className: 'zoom-steps' }, [
        button('zoom-out', 'remove', 'Zoom out (- in the drawing, Ctrl+- in the panel)', () => this.step(-1)),
        this.level,
        button('zoom-in', 'add', 'Zoom in (+ in the drawing, Ctrl+= in the panel)', () => this.step(1)),
      ]),
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
    // The pane was resized (splitter, panel, window): a fitted drawing fits again.
    new ResizeObserver(() => {
      if (this.scale === 'fit') this.apply();
    }).observe(drawing);
  }

  /** One zoom action, from the drawing's own keys or from the extension's Ctrl/Cmd keybindings. */
  run(action: ZoomAction): void {
    if (action === 'reset') this.set(1);
    else this.step(action === 'in' ? 1 : -1);
  }

  /** True while the drawing is fitted to the pane (the person has not zoomed). */
  get fitted(): boolean {
    return this.scale === 'fit';
  }

  /** The size Mermaid laid the drawing out at (its viewBox), if there is a drawing. */
  private natural(): { width: number; height: number } | undefined {
    const svg = this.drawing.querySelector('svg');
    if (!svg) return undefined;
    const box = svg.viewBox.baseVal;
    if (box && box.width > 0 && box.height > 0) return { width: box.width, height: box.height };
    const r = svg.getBoundingClientRect();
    return r.width > 0 && r.height > 0 ? { width: r.width, height: r.height } : undefined;
  }

  /** The scale that shows the whole drawing in the box. */
  private fitScale(n: { width: number; height: number }): number {
    const width = Math.max(1, this.drawing.clientWidth - FIT_MARGIN);
    const height = Math.max(1, this.drawing.clientHeight - FIT_MARGIN);
    return Math.min(MAX_FIT, width / n.width, height / n.height);
  }

  /** The scale the drawing is shown at now (in Fit, what fitting gave). */
  private current(): number {
    if (this.scale !== 'fit') return this.scale;
    const n = this.natural();
    return n ? this.fitScale(n) : 1;
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

  /** Called after every drawing (the SVG is new), every zoom change and every resize in Fit. */
  apply(): void {
    const n = this.natural();
    this.fitButton.setAttribute('aria-pressed', String(this.scale === 'fit'));
    this.actualButton.setAttribute('aria-pressed', String(this.scale === 1));
    if (!n) {
      this.level.textContent = this.scale === 'fit' ? 'fit' : `${Math.round(this.scale * 100)}%`;
      return;
    }
    const scale = this.current();
    this.drawing.style.setProperty('--drawing-width', `${Math.max(1, Math.round(n.width * scale))}px`);
    this.drawing.style.setProperty('--drawing-height', `${Math.max(1, Math.round(n.height * scale))}px`);
    this.drawing.classList.toggle('zoomed', this.scale !== 'fit');
    const percent = Math.round(scale * 100);
    this.level.textContent = this.scale === 'fit' ? `${percent}% (fit)` : `${percent}%`;
  }
}
