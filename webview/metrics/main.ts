import mermaid from 'mermaid';
import { isToMetricsWebview } from '../../src/shared/protocol/metrics';
import { PANEL_STATE_VERSION, type MetricsPanelState } from '../../src/shared/protocol/state';
import type { VsCodeApi } from '../diagram/vscodeApi';
import { Dashboard } from './dashboard';
import { followTheme } from './followTheme';
import './elements';
import './styles.css';

/** Entry of the metrics webview: validates every message, draws charts with the bundled Mermaid (strict). */
const vscode: VsCodeApi = acquireVsCodeApi();
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

// Configures Mermaid for the page's theme now, and again (charts redrawn) when the user switches it.
followTheme(document.body, mermaid, dashboard);

window.addEventListener('message', (event: MessageEvent) => {
  if (isToMetricsWebview(event.data)) {
    // The filters in use (the extension echoes them with each result): VS Code keeps them for this
    // panel, and after a window reload the extension restores the dashboard with them.
    if (event.data.type === 'metrics') vscode.setState({ v: PANEL_STATE_VERSION, options: event.data.options } satisfies MetricsPanelState);
    dashboard.receive(event.data);
  }
  else console.warn('Metrics dashboard: ignored a message of unexpected shape');
});

vscode.postMessage({ type: 'ready' });
