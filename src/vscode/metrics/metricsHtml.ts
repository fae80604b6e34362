import { buildWebviewHtml } from '../diagrams/webviewHtml';

/**
 * The dashboard page: the same CSP as the diagram editor (scripts only with the page's fresh nonce
 * or from the extension's media folder, no remote content). No `vscode` import, so it can be tested as is.
 */
export interface MetricsHtmlOptions {
  readonly cspSource: string;
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
}

export function buildMetricsHtml(o: MetricsHtmlOptions): string {
  return buildWebviewHtml({ ...o, title: 'Post-mortem Metrics', loadingText: 'Computing metrics…' });
}
