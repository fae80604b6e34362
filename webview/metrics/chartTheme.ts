import type { MermaidConfig } from 'mermaid';
import { BAR_COLOURS, PIE_COLOURS } from '../../src/core/metrics/render/charts';
import { mermaidConfig, type ThemeKind } from '../shared/mermaidConfig';

/**
 * Chart colours per VS Code theme. Mermaid's own palettes start with a near-white bar (default
 * theme), near-black pie slices (dark) or derive everything from black/white (the high-contrast
 * `base` themes), so bars and slices could not be told from the background.
 */
const COLOURS: Record<ThemeKind, { bars: readonly string[]; stroke: string }> = {
  light: { bars: BAR_COLOURS, stroke: '#ffffff' },
  dark: { bars: BAR_COLOURS, stroke: '#1f1f1f' },
  // The high-contrast themes' own accents: border blue and orange on black, dark blue and red on white.
  'high-contrast': { bars: ['#6fc3df', '#f38518'], stroke: '#ffffff' },
  'high-contrast-light': { bars: ['#0f4a85', '#b5200d'], stroke: '#000000' },
};

/** The shared pinned configuration plus the metrics charts' colours (set here: `themeVariables` is a secure key). */
export function metricsMermaidConfig(theme: ThemeKind): MermaidConfig {
  const base = mermaidConfig(theme);
  const { bars, stroke } = COLOURS[theme];
  const pie = Object.fromEntries(PIE_COLOURS.map((c, i) => [`pie${i + 1}`, c]));
  return {
    ...base,
    themeVariables: {
      ...base.themeVariables,
      ...pie,
      pieStrokeColor: stroke,
      pieOuterStrokeColor: stroke,
      pieSectionTextColor: '#000000',
      pieOpacity: '1',
      xyChart: { plotColorPalette: bars.join(', ') },
    },
  };
}
