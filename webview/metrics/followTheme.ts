import type { Mermaid } from 'mermaid';
import { themeKindOf, type ThemeKind } from '../shared/mermaidConfig';
import { metricsMermaidConfig } from './chartTheme';

/** What follows a theme switch: the dashboard, whose charts are drawn again. */
export interface RedrawsCharts {
  redrawCharts(): Promise<void>;
}

/**
 * Keeps the dashboard's charts in the theme VS Code shows: Mermaid bakes the bar and slice colours
 * into the SVG it draws, so switching to a high-contrast theme with the dashboard open kept the
 * old palette until the dashboard was reopened (ui17). VS Code switches the theme by changing
 * <body>'s class; Mermaid is configured for the new theme and the charts are drawn again.
 * Returns the disposer of the observer.
 */
export function followTheme(body: HTMLElement, mermaid: Pick<Mermaid, 'initialize'>, dashboard: RedrawsCharts): () => void {
  let theme: ThemeKind = themeKindOf(body);
  mermaid.initialize(metricsMermaidConfig(theme));
  const observer = new MutationObserver(() => {
    const next = themeKindOf(body);
    if (next === theme) return;
    theme = next;
    mermaid.initialize(metricsMermaidConfig(theme));
    void dashboard.redrawCharts();
  });
  observer.observe(body, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}
