import type { LegendEntry } from '../../src/core/diagrams';
import type { ZoomAction } from '../../src/shared/protocol/messages';
import { el } from './dom';
import type { DrawnNode } from './drawingNodes';
import { DrawingZoom } from './drawingZoom';
import { legendView } from './legendView';
import { renderErrorText } from './problemList';

/** What the drawing tells the app when a shape is used. */
export interface DrawingHost {
  /** A shape was clicked: select its row (and show its line in the text). */
  select(key: string): void;
  /** A shape was double-clicked: rename its row in place. */
  rename(key: string): void;
  /** A shape was right-clicked at (x, y): its row is selected, show the row's actions. */
  menu(key: string, x: number, y: number): void;
}

/**
 * The right-hand pane: the zoom bar, and the drawing filling the rest, with Mermaid's error when it
 * failed. Shapes are mapped to outline rows after each drawing (see drawingNodes): a click selects,
 * a double-click renames in place, the selected node is outlined, a hovered one highlighted.
 */
export class DrawingPane {
  readonly element: HTMLElement;
  readonly drawing: HTMLElement;
  private readonly zoom: DrawingZoom;
  private readonly renderError: HTMLElement;
  private readonly legend: HTMLElement;
  private nodes: DrawnNode[] = [];
  private selectedNode: string | undefined;
  /**
   * Whether the text last handed to Mermaid is the block's text as the document holds it. Editable
   * diagrams draw generated text (gate styling, placeholder causes), whose lines are not the block's.
   */
  private drewBlockText = true;

  constructor(host: DrawingHost) {
    this.drawing = el('div', { className: 'drawing', attrs: { id: 'drawing', tabindex: '0', 'aria-label': 'Drawing: click a node to select it, double-click to rename; + zooms in, - zooms out, 0 shows 100% (Ctrl+= / Ctrl+- / Ctrl+0 anywhere in the panel)' } });
    this.zoom = new DrawingZoom(this.drawing);
    this.renderError = el('div', { className: 'render-error', attrs: { id: 'render-error', role: 'alert' } });
    this.legend = el('ul', { className: 'legend', attrs: { id: 'legend', 'aria-label': 'Legend' } });
    this.legend.hidden = true;
    this.element = el('section', { className: 'pane drawing-pane', attrs: { 'aria-label': 'Drawing' } }, [this.zoom.bar, this.drawing, this.legend, this.renderError]);
    const keyAt = (e: Event): string | undefined => {
      const shape = (e.target as Element | null)?.closest?.('.pm-node');
      return shape instanceof Element ? this.nodes.find((n) => n.element === shape)?.key : undefined;
    };
    this.drawing.addEventListener('click', (e) => {
      const key = keyAt(e);
      if (key !== undefined) host.select(key);
    });
    this.drawing.addEventListener('dblclick', (e) => {
      const key = keyAt(e);
      if (key === undefined) return;
      e.preventDefault();
      host.rename(key);
    });
    this.drawing.addEventListener('contextmenu', (e) => {
      const key = keyAt(e);
      if (key === undefined) return;
      e.preventDefault();
      host.menu(key, e.clientX, e.clientY);
    });
  }

  /** What the drawing's colours mean, under it (nothing shown for an empty list). */
  showLegend(entries: readonly LegendEntry[]): void {
    this.legend.replaceChildren(...legendView(entries));
    this.legend.hidden = entries.length === 0;
  }

  /** Zoom asked for by the extension (Ctrl/Cmd+= / - / 0 while the panel is active). */
  zoomBy(action: ZoomAction): void {
    this.zoom.run(action);
  }

  /** Called as a text goes to Mermaid (the latest drawing wins, so the next result is for it). */
  willDraw(isBlockText: boolean): void {
    this.drewBlockText = isBlockText;
  }

  /** A drawing finished (or failed): reapply the zoom, map its shapes, show Mermaid's error, if any. */
  drawn(ok: boolean, error: string | undefined, firstLine: number, hasParseProblems: boolean, map: (svg: SVGSVGElement) => DrawnNode[]): void {
    this.zoom.apply();
    this.renderError.textContent = ok ? '' : renderErrorText(error, firstLine, hasParseProblems, this.drewBlockText);
    const svg = this.drawing.querySelector('svg');
    this.nodes = svg ? map(svg) : [];
    for (const n of this.nodes) {
      n.element.classList.add('pm-node');
      n.element.setAttribute('data-key', n.key);
    }
    this.showSelected(this.selectedNode);
  }

  /** Outlines the shapes of `node` (the selected row's model node). */
  showSelected(node: string | undefined): void {
    this.selectedNode = node;
    for (const n of this.nodes) n.element.classList.toggle('pm-selected', n.node === node);
  }

  /** Where the selected node is drawn (for the rename field), if it is. */
  selectedRect(): DOMRect | undefined {
    return this.nodes.find((n) => n.node === this.selectedNode)?.element.getBoundingClientRect();
  }

  /** The SVG in the page now. */
  get svg(): SVGSVGElement | undefined {
    return this.drawing.querySelector('svg') ?? undefined;
  }
}
