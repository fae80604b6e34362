import { JSDOM } from 'jsdom';
import { computeMetrics, type MetricsOptions, type MetricsSource } from '../../../src/core/metrics';
import type { FromMetricsWebview } from '../../../src/shared/protocol/metrics';
import { Dashboard } from '../../../webview/metrics/dashboard';

/**
 * Renders the dashboard page in jsdom for the given post-mortems (the `document` global is set for
 * the call only) and waits for its `rendered` message. Charts are not drawn (no Mermaid in jsdom).
 */
export async function renderDashboard(sources: MetricsSource[], options: MetricsOptions): Promise<{ root: HTMLElement; posted: FromMetricsWebview[] }> {
  const dom = new JSDOM('<!doctype html><body><div id="app"></div></body>');
  const saved = Reflect.get(globalThis, 'document');
  Object.assign(globalThis, { document: dom.window.document });
  try {
    const posted: FromMetricsWebview[] = [];
    const root = dom.window.document.getElementById('app')!;
    await new Promise<void>((resolve) => {
      const dashboard = new Dashboard(root, {
        post: (message) => { posted.push(message); if (message.type === 'rendered') resolve(); },
        draw: async () => true,
      });
      dashboard.receive({ type: 'metrics', options: { by: 'month', windowMonths: 12 }, result: computeMetrics(sources, options), unreadable: 0 });
    });
    return { root, posted };
  } finally {
    if (saved === undefined) Reflect.deleteProperty(globalThis, 'document');
    else Object.assign(globalThis, { document: saved });
  }
}
