import type { LegendEntry } from '../../src/core/diagrams';
import { strokeOf } from './legendView';

/** A legend entry as the export writes it: what the colour means and which nodes are drawn so. */
export interface ExportLegendEntry {
  readonly entry: LegendEntry;
  /** The labels of the nodes drawn this way (single points of failure are named: the red alone says nothing on a grey print). */
  readonly names: readonly string[];
}

export interface Box { x: number; y: number; width: number; height: number }

const SVG = 'http://www.w3.org/2000/svg';
const FONT_SIZE = 14;
const LINE = 20;
/** Characters per line, told from the font size without measuring (the copy is not in the page). */
const CHAR_WIDTH = FONT_SIZE * 0.6;
const NAMED = 12;
const NAME_CHARS = 60;

/** Near-black or white, whichever reads better on `background` (#rrggbb); the theme's text when transparent. */
export function legendTextColor(background: string | undefined, themeForeground: string): string {
  const rgb = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background ?? '');
  if (!rgb) return themeForeground;
  const [r, g, b] = rgb.slice(1).map((h) => channel(parseInt(h, 16)));
  const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return contrast(l, 0) >= contrast(l, 1) ? '#1f2328' : '#ffffff';
}

const channel = (v: number): number => {
  const c = v / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};
const contrast = (a: number, b: number): number => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/** "Title: what it means. Here: name, name, … and 3 more" (names for single points of failure), wrapped at spaces into lines of about `width` characters. */
export function legendLines(e: ExportLegendEntry, width: number): string[] {
  const named = e.names.slice(0, NAMED).map((n) => ([...n].length > NAME_CHARS ? `${[...n].slice(0, NAME_CHARS - 1).join('')}…` : n));
  const more = e.names.length - named.length;
  const names = named.length === 0 ? '' : `. Here: ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
  const text = `${e.entry.title}: ${e.entry.description}${e.entry.key === 'spof' ? names : ''}`;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && [...line].length + 1 + [...word].length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * Writes the legend under the drawing of an exported SVG (a fault tree's gate colours and the red
 * outline of single points of failure: on a slide the colours alone meant nothing, trial13b F13)
 * and returns the box that holds both. Text is set as text content, never markup.
 */
export function appendLegend(svg: SVGSVGElement, box: Box, entries: readonly ExportLegendEntry[], textColor: string): Box {
  if (entries.length === 0) return box;
  const width = Math.max(48, Math.floor((box.width - 40) / CHAR_WIDTH));
  const group = document.createElementNS(SVG, 'g');
  group.setAttribute('class', 'pm-legend');
  group.setAttribute('font-family', 'trebuchet ms, verdana, arial, sans-serif');
  group.setAttribute('font-size', String(FONT_SIZE));
  let y = box.y + box.height + 16;
  let widest = 0;
  for (const e of entries) {
    const color = strokeOf(e.entry.style) ?? textColor;
    const swatch = document.createElementNS(SVG, e.entry.key === 'spof' ? 'circle' : 'rect');
    if (e.entry.key === 'spof') {
      swatch.setAttribute('cx', String(box.x + 11));
      swatch.setAttribute('cy', String(y + 7));
      swatch.setAttribute('r', '6');
    } else {
      swatch.setAttribute('x', String(box.x + 4));
      swatch.setAttribute('y', String(y + 2));
      swatch.setAttribute('width', '16');
      swatch.setAttribute('height', '11');
    }
    swatch.style.setProperty('fill', 'none');
    swatch.style.setProperty('stroke', color);
    swatch.style.setProperty('stroke-width', e.entry.key === 'spof' ? '4' : '3');
    group.append(swatch);
    const text = document.createElementNS(SVG, 'text');
    text.setAttribute('class', `pm-legend-entry ${e.entry.key}`);
    // A style property (set through the CSSOM, which the page's CSP allows), not the fill attribute:
    // Mermaid's own stylesheet in the SVG would win over an attribute.
    text.style.setProperty('fill', textColor);
    const lines = legendLines(e, width);
    lines.forEach((line, i) => {
      const span = document.createElementNS(SVG, 'tspan');
      span.setAttribute('x', String(box.x + 28));
      span.setAttribute('y', String(y + 12 + i * LINE));
      span.textContent = line;
      text.append(span);
      widest = Math.max(widest, 28 + [...line].length * CHAR_WIDTH);
    });
    group.append(text);
    y += lines.length * LINE + 6;
  }
  svg.append(group);
  return { x: box.x, y: box.y, width: Math.max(box.width, Math.ceil(widest) + 8), height: Math.ceil(y - box.y) + 8 };
}
