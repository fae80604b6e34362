import type { MermaidConfig } from 'mermaid';

/** VS Code marks the theme on <body>: vscode-light, vscode-dark, vscode-high-contrast(-light). */
export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

export function themeKindOf(body: Pick<HTMLElement, 'classList'>): ThemeKind {
  const c = body.classList;
  if (c.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (c.contains('vscode-high-contrast')) return 'high-contrast';
  if (c.contains('vscode-dark')) return 'dark';
  return 'light';
}

/**
 * Keys a `%%{init}%%` directive inside a diagram may not change: Mermaid's own list plus everything
 * that decides how the drawing looks, so hostile or stray text cannot re-theme or re-lay-out it.
 */
const SECURE_KEYS = [
  'secure', 'securityLevel', 'startOnLoad', 'maxTextSize', 'suppressErrorRendering', 'maxEdges',
  'theme', 'themeVariables', 'themeCSS', 'darkMode', 'look', 'layout', 'htmlLabels', 'fontFamily', 'fontSize',
  'flowchart', 'ishikawa', 'elk', 'handDrawnSeed', 'dompurifyConfig', 'wrap', 'deterministicIds',
];

const HIGH_CONTRAST = {
  background: '#000000', primaryColor: '#000000', primaryTextColor: '#ffffff', primaryBorderColor: '#6fc3df',
  secondaryColor: '#000000', tertiaryColor: '#000000', lineColor: '#ffffff', textColor: '#ffffff', mainBkg: '#000000', nodeBorder: '#6fc3df',
};
const HIGH_CONTRAST_LIGHT = {
  background: '#ffffff', primaryColor: '#ffffff', primaryTextColor: '#000000', primaryBorderColor: '#0f4a85',
  secondaryColor: '#ffffff', tertiaryColor: '#ffffff', lineColor: '#000000', textColor: '#000000', mainBkg: '#ffffff', nodeBorder: '#0f4a85',
};

/**
 * The pinned configuration: strict security (labels encoded, no click handlers), the classic look
 * and dagre layout (what Mermaid 11 renderers on code hosts draw, so the picture in review matches),
 * HTML labels (Mermaid sanitizes them; its SVG-text labels show `#60;`-style entities literally,
 * which would draw escaped labels wrongly).
 */
export function mermaidConfig(theme: ThemeKind): MermaidConfig {
  const base: MermaidConfig = {
    startOnLoad: false,
    securityLevel: 'strict',
    suppressErrorRendering: true,
    look: 'classic',
    layout: 'dagre',
    htmlLabels: true,
    maxTextSize: 200_000,
    flowchart: { htmlLabels: true, curve: 'basis' },
    secure: SECURE_KEYS,
  };
  switch (theme) {
    case 'dark': return { ...base, theme: 'dark', darkMode: true };
    case 'high-contrast': return { ...base, theme: 'base', darkMode: true, themeVariables: HIGH_CONTRAST };
    case 'high-contrast-light': return { ...base, theme: 'base', themeVariables: HIGH_CONTRAST_LIGHT };
    default: return { ...base, theme: 'default' };
  }
}
