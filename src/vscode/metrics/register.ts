import * as vscode from 'vscode';
import type { ConfigStore } from '../config/configStore';
import type { Indexer } from '../index/indexer';
import { log } from '../log';
import { validateMetricsPanelState } from '../../shared/protocol/state';
import { METRICS_VIEW_TYPE, MetricsPanel } from './metricsPanel';

const SHOW_METRICS_COMMAND = 'postmortem.showMetrics';

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
    // After a window reload VS Code hands the dashboard back (`onWebviewPanel:postmortem.metrics`
    // activates us) with the filters its page saved; they are the page's word, so checked first.
    vscode.window.registerWebviewPanelSerializer(METRICS_VIEW_TYPE, {
      deserializeWebviewPanel(webviewPanel: vscode.WebviewPanel, state: unknown): Promise<void> {
        if (current) {
          // One dashboard per window: the command opened one before VS Code restored this one.
          webviewPanel.dispose();
          return Promise.resolve();
        }
        const saved = validateMetricsPanelState(state);
        if (!saved.ok && state !== undefined) log().warn(`Metrics dashboard: restored with the last used filters instead of the page's (${saved.error})`);
        const panel = new MetricsPanel(indexer, config, context.extensionUri, context.workspaceState, log(), () => {
          if (current === panel) current = undefined;
        }, { panel: webviewPanel, options: saved.ok ? saved.message.options : undefined });
        current = panel;
        return Promise.resolve();
      },
    }),
    { dispose: () => current?.dispose() },
  );
}
