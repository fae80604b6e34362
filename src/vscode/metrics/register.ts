import * as vscode from 'vscode';
import type { ConfigStore } from '../config/configStore';
import type { Indexer } from '../index/indexer';
import { log } from '../log';
import { MetricsPanel } from './metricsPanel';

export const SHOW_METRICS_COMMAND = 'postmortem.showMetrics';

/**
 * "Post-mortem: Show Metrics": opens (or reveals) the dashboard. The command returns the panel so
 * the integration tests can wait for the page to draw.
 */
export function registerMetricsDashboard(context: vscode.ExtensionContext, indexer: Indexer, config: ConfigStore): void {
  let current: MetricsPanel | undefined;
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_METRICS_COMMAND, (): MetricsPanel => {
      if (current) {
        current.reveal();
        void current.refresh();
        return current;
      }
      const panel = new MetricsPanel(indexer, config, context.extensionUri, context.workspaceState, log(), () => {
        if (current === panel) current = undefined;
      });
      current = panel;
      return panel;
    }),
    { dispose: () => current?.dispose() },
  );
}
