import { contentSecurityPolicy, escapeHtml } from '../diagrams/webviewHtml';

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
  if (!/^[A-Za-z0-9_-]+$/.test(o.nonce)) throw new Error('Expected a base64url nonce.');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(o.styleUri)}">
<title>Post-mortem Metrics</title>
</head>
<body>
<div id="app"><p>Computing metrics…</p></div>
<script type="module" nonce="${o.nonce}" src="${escapeHtml(o.scriptUri)}"></script>
</body>
</html>
`;
}
