import type { ExportFormat, FromWebview, ZoomAction } from '../../src/shared/protocol/messages';
import { el } from './dom';
import { DrawingZoom } from './drawingZoom';
import { exportPng, exportSvg } from './exportDrawing';
import { renderErrorText } from './problemList';

/** The right-hand pane: zoom bar, the drawing, Mermaid's error when it failed, and the analysis. */
export class DrawingPane {
  readonly element: HTMLElement;
  readonly drawing: HTMLElement;
  private readonly zoom: DrawingZoom;
  private readonly renderError: HTMLElement;
  private readonly analysis: HTMLElement;
  /**
   * Whether the text last handed to Mermaid is the block's text as the document holds it. Editable
   * diagrams draw generated text (gate styling, placeholder causes), whose lines are not the block's.
   */
  private drewBlockText = true;

  constructor() {
    this.drawing = el('div', { className: 'drawing', attrs: { id: 'drawing', tabindex: '0', 'aria-label': 'Drawing: + zooms in, - zooms out, 0 shows 100% (Ctrl+= / Ctrl+- / Ctrl+0 anywhere in the panel)' } });
    this.zoom = new DrawingZoom(this.drawing);
    this.renderError = el('div', { className: 'render-error', attrs: { id: 'render-error', role: 'alert' } });
    this.analysis = el('div', { attrs: { id: 'analysis' } });
    this.element = el('section', { className: 'pane drawing-pane' }, [this.zoom.bar, this.drawing, this.renderError, this.analysis]);
  }

  /** Zoom asked for by the extension (Ctrl/Cmd+= / - / 0 while the panel is active). */
  zoomBy(action: ZoomAction): void {
    this.zoom.run(action);
  }

  showAnalysis(node: HTMLElement | undefined): void {
    this.analysis.replaceChildren(...(node ? [node] : []));
  }

  /** Called as a text goes to Mermaid (the latest drawing wins, so the next result is for it). */
  willDraw(isBlockText: boolean): void {
    this.drewBlockText = isBlockText;
  }

  /** A drawing finished (or failed): reapply the zoom and show Mermaid's error, if any. */
  drawn(ok: boolean, error: string | undefined, firstLine: number, hasParseProblems: boolean): void {
    this.zoom.apply();
    this.renderError.textContent = ok ? '' : renderErrorText(error, firstLine, hasParseProblems, this.drewBlockText);
  }

  /** The message carrying the drawing as SVG or PNG (or a warning when there is none). */
  async exportMessage(format: ExportFormat): Promise<FromWebview> {
    const svg = this.drawing.querySelector('svg');
    if (!svg) return { type: 'log', level: 'warn', message: 'Nothing drawn yet to export.' };
    try {
      const background = getComputedStyle(document.body).getPropertyValue('--vscode-editor-background').trim();
      const text = exportSvg(svg, background);
      return { type: 'export', format, data: format === 'svg' ? text : await exportPng(text) };
    } catch (err) {
      return { type: 'log', level: 'error', message: `Export failed: ${err instanceof Error ? err.message : String(err)}` };
    }
  }
}
