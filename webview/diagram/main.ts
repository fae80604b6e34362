import mermaid from 'mermaid';
import { validateDiagramPanelState } from '../../src/shared/protocol/state';
import { mermaidConfig, themeKindOf } from '../shared/mermaidConfig';
import { DiagramRenderer } from '../shared/renderer';
import { DiagramApp } from './app';
import './elements';
import './styles.css';
import type { VsCodeApi } from './vscodeApi';

/** Entry of the diagram webview: wires VS Code's messaging, Mermaid and the theme to the app. */
const vscode: VsCodeApi = acquireVsCodeApi();
let theme = themeKindOf(document.body);
mermaid.initialize(mermaidConfig(theme));

const root = document.getElementById('app');
if (!root) throw new Error('The diagram page has no #app element.');

let lastText: string | undefined;
// Created right after the app (it draws into the app's element); the app draws nothing before a document arrives.
const drawing: { renderer?: DiagramRenderer } = {};
const app = new DiagramApp(root, {
  post: (message) => vscode.postMessage(message),
  draw: (text) => {
    lastText = text;
    drawing.renderer?.render(text);
  },
  svgFor: async (background): Promise<SVGSVGElement | undefined> => {
    const want = background === 'light' ? 'light' : background === 'dark' ? 'dark' : undefined;
    const current: SVGSVGElement | undefined = root.querySelector<SVGSVGElement>('#drawing svg') ?? undefined;
    if (!want || want === theme || lastText === undefined || !drawing.renderer) return current;
    // Drawn again in the wanted theme (Mermaid's configuration is global: the renderer lends it exclusively).
    const text = lastText;
    return drawing.renderer.exclusive(async (nextId) => {
      mermaid.initialize(mermaidConfig(want));
      try {
        const { svg } = await mermaid.render(nextId(), text);
        const holder = document.createElement('div');
        holder.innerHTML = svg;
        return holder.querySelector('svg') ?? undefined;
      } finally {
        mermaid.initialize(mermaidConfig(theme));
      }
    });
  },
  saveState: (state) => vscode.setState(state),
  loadState: () => {
    const saved = validateDiagramPanelState(vscode.getState());
    return saved.ok ? saved.message : undefined;
  },
});
drawing.renderer = new DiagramRenderer(mermaid, app.drawing, (o) => app.drawn(o.ok, o.ms, o.error));

window.addEventListener('message', (event: MessageEvent) => app.receive(event.data));

// Follow theme switches: VS Code changes <body>'s class; re-initialize Mermaid and redraw.
new MutationObserver(() => {
  const next = themeKindOf(document.body);
  if (next === theme) return;
  theme = next;
  mermaid.initialize(mermaidConfig(theme));
  if (lastText !== undefined) drawing.renderer?.render(lastText);
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

vscode.postMessage({ type: 'ready' });
