import mermaid from 'mermaid';
import type { ToMetricsWebview } from '../../src/shared/protocol/metrics';
import { Dashboard } from '../../webview/metrics/dashboard';
import { followTheme } from '../../webview/metrics/followTheme';
import '../../webview/metrics/styles.css';

/**
 * Test page for theme switches (bundled by metricsTheme.test.ts): the real Dashboard drawing with
 * the bundled Mermaid, wired to the theme as webview/metrics/main.ts wires it.
 */
const root = document.createElement('div');
document.body.append(root);
let n = 0;
const dashboard = new Dashboard(root, {
  post: () => {},
  async draw(host, chart) {
    const { svg } = await mermaid.render(`theme-chart-${++n}`, chart.source);
    host.innerHTML = svg;
    return true;
  },
});
followTheme(document.body, mermaid, dashboard);
Object.assign(window, {
  show(message: ToMetricsWebview): void {
    dashboard.receive(message);
  },
  /** The fill of every bar of every drawn bar chart, in page order. */
  barFills(): string[] {
    return [...document.querySelectorAll('.chart-drawing svg g[class^="bar-plot"] rect')].map((r) => r.getAttribute('fill') ?? '');
  },
});
