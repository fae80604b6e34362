import type { LegendEntry } from '../../src/core/diagrams';
import { el } from './dom';

/** The border colour of a legend entry's Mermaid style (`stroke:#0969da,…`), for its swatch. */
export function strokeOf(style: string): string | undefined {
  return /(?:^|,)stroke:(#[0-9a-fA-F]{3,8})(?:,|$)/.exec(style)?.[1];
}

/**
 * The legend under a fault-tree drawing (core faultTreeLegend): one swatch per gate kind drawn and,
 * when there are any, the red outline of single points of failure, each with what it means. The
 * colours alone would not say that a red border is a single point of failure.
 */
export function legendView(entries: readonly LegendEntry[]): HTMLElement[] {
  return entries.map((e) => {
    const swatch = el('span', { className: `legend-swatch ${e.key}`, attrs: { 'aria-hidden': 'true' } });
    const color = strokeOf(e.style);
    if (color) swatch.style.borderColor = color;
    return el('li', { className: 'legend-entry', attrs: { 'data-key': e.key } }, [
      swatch, el('span', { className: 'legend-title', text: `${e.title}:` }), ' ', el('span', { className: 'legend-text', text: e.description }),
    ]);
  });
}
