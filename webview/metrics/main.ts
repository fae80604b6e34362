import mermaid from 'mermaid';
import { isToMetricsWebview } from '../../src/shared/protocol/metrics';
import { mermaidConfig, themeKindOf } from '../shared/mermaidConfig';
import type { VsCodeApi } from '../diagram/vscodeApi';
import { Dashboard } from './dashboard';
import './styles.css';

/** Entry of the metrics webview: validates every message, draws charts with the bundled Mermaid (strict). */
const vscode: VsCodeApi = acquireVsCodeApi();
mermaid.initialize(mermaidConfig(themeKindOf(document.body)));

const root = document.getElementById('app');
if (!root) throw new Error('The metrics page has no #app element.');

let counter = 0;
const dashboard = new Dashboard(root, {
  post: (message) => vscode.postMessage(message),
  async draw(host, chart) {
    const id = `pm-metrics-${++counter}`;
    try {
      const { svg } = await mermaid.render(id, chart.source);
      // Mermaid's own sanitized SVG (securityLevel strict); labels were escaped into its source.
      host.innerHTML = svg;
      return true;
    } catch (err) {
      document.getElementById(id)?.remove();
      document.getElementById(`d${id}`)?.remove();
      host.textContent = `This chart could not be drawn: ${err instanceof Error ? err.message : String(err)}`;
      host.classList.add('render-failed');
      return false;
    }
  },
});

window.addEventListener('message', (event: MessageEvent) => {
  if (isToMetricsWebview(event.data)) dashboard.receive(event.data);
  else console.warn('Metrics dashboard: ignored a message of unexpected shape');
});

vscode.postMessage({ type: 'ready' });
