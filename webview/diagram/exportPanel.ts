import { EXPORT_SCALES, type ExportBackground, type ExportFormat, type FromWebview } from '../../src/shared/protocol/messages';
import type { DiagramViewState } from '../../src/shared/protocol/state';
import { el } from './dom';
import { exportPng, exportSvg } from './exportDrawing';
import { legendTextColor, type ExportLegendEntry } from './exportLegend';

export interface ExportHost {
  /** The drawing to export on `background`: the page's own, or one drawn again in a light or dark theme. */
  svgFor(background: ExportBackground): Promise<SVGSVGElement | undefined>;
  /** A choice changed (kept with the panel). */
  changed(view: DiagramViewState): void;
  saveAs(format: ExportFormat): void;
  /** What the drawing's colours mean, with the nodes drawn so: written under an exported drawing. */
  legend(): readonly ExportLegendEntry[];
}

const BACKGROUNDS: readonly [ExportBackground, string][] = [
  ['light', 'Light (white)'], ['dark', 'Dark'], ['theme', 'The editor theme'], ['transparent', 'Transparent'],
];
/** Page colours of the light and dark exports: Mermaid's default and dark themes are drawn for these. */
const FILL: Record<'light' | 'dark', string> = { light: '#ffffff', dark: '#1e1e1e' };

/**
 * The Export section: what the drawing stands on (light by default: exports go to documents and
 * slides, whatever the editor's theme), the PNG scale, and Save As buttons. The toolbar's quick
 * export and the palette commands use the same choices and save next to the post-mortem.
 */
export class ExportPanel {
  readonly element: HTMLElement;
  private background: ExportBackground;
  private scale: number;

  constructor(private readonly host: ExportHost, initial: DiagramViewState) {
    this.background = initial.exportBackground ?? 'light';
    this.scale = initial.exportScale ?? 2;
    const select = (id: string, label: string, options: readonly [string, string][], value: string, onChange: (v: string) => void): HTMLElement => {
      const s = el('vscode-single-select', { attrs: { id, 'aria-label': label } });
      for (const [v, text] of options) s.append(el('vscode-option', { text, attrs: { value: v, ...(v === value ? { selected: '' } : {}) } }));
      s.addEventListener('change', () => onChange((s as unknown as { value: string }).value));
      return el('label', { className: 'field export-field' }, [el('span', { text: label }), s]);
    };
    const button = (id: string, icon: string, text: string, title: string, run: () => void): HTMLElement => {
      const b = el('vscode-button', { text, attrs: { id, icon, secondary: '', title } });
      b.addEventListener('click', run);
      return b;
    };
    this.element = el('div', { className: 'export', attrs: { id: 'export' } }, [
      select('export-background', 'Background', BACKGROUNDS, this.background, (v) => {
        this.background = v as ExportBackground;
        host.changed({ exportBackground: this.background });
      }),
      select('export-scale', 'PNG scale', EXPORT_SCALES.map((n) => [String(n), `${n}×`]), String(this.scale), (v) => {
        this.scale = Number(v);
        host.changed({ exportScale: this.scale });
      }),
      el('div', { className: 'export-buttons' }, [
        button('save-as-svg', 'save-as', 'Save SVG…', 'Choose where to save the drawing as SVG', () => host.saveAs('svg')),
        button('save-as-png', 'save-as', 'Save PNG…', 'Choose where to save the drawing as PNG', () => host.saveAs('png')),
      ]),
    ]);
  }

  /** The message carrying the drawing as SVG or PNG on the chosen background (or a warning when there is none). */
  async message(format: ExportFormat, saveAs: boolean): Promise<FromWebview> {
    try {
      const svg = await this.host.svgFor(this.background);
      if (!svg) return { type: 'log', level: 'warn', message: 'Nothing drawn yet to export.' };
      const fill = this.fill();
      const themeText = getComputedStyle(document.body).getPropertyValue('--vscode-foreground').trim() || '#1f2328';
      const text = exportSvg(svg, fill, { entries: this.host.legend(), color: legendTextColor(fill, themeText) });
      const data = format === 'svg' ? text : await exportPng(text, this.scale);
      return { type: 'export', format, data, ...(saveAs ? { saveAs: true } : {}) };
    } catch (err) {
      return { type: 'log', level: 'error', message: `Export failed: ${err instanceof Error ? err.message : String(err)}` };
    }
  }

  private fill(): string | undefined {
    switch (this.background) {
      case 'transparent': return undefined;
      case 'theme': return getComputedStyle(document.body).getPropertyValue('--vscode-editor-background').trim() || FILL.light;
      default: return FILL[this.background];
    }
  }
}
