import { Dashboard } from '../../webview/metrics/dashboard';
import type { ToMetricsWebview } from '../../src/shared/protocol/metrics';
import '../../webview/metrics/elements';
import '../../webview/metrics/styles.css';

/**
 * Test page for what assistive technology reads of the dashboard (bundled by metricsA11y.test.ts):
 * the real Dashboard with the real @vscode-elements selects (their shadow DOM is what a screen
 * reader meets), charts left undrawn.
 */
const root = document.createElement('div');
document.body.append(root);
const dashboard = new Dashboard(root, { post: () => {}, draw: async () => true });
Object.assign(window, {
  show(message: ToMetricsWebview): void {
    dashboard.receive(message);
  },
});
