import mermaid from 'mermaid';
import { validateDiagramPanelState } from '../../src/shared/protocol/state';
import { mermaidConfig, themeKindOf } from '../shared/mermaidConfig';
import { DiagramRenderer } from '../shared/renderer';
import { DiagramApp } from './app';
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
