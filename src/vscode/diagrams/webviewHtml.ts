/**
 * The diagram webview's HTML. No `vscode` import: the Chromium tests build the very same page.
 * Scripts run only with the page's nonce (fresh per page) or from the extension's media folder;
 * styles may be inline because Mermaid injects <style> elements without a nonce (a nonce in
 * style-src would make the browser ignore 'unsafe-inline').
 */
export interface DiagramHtmlOptions {
  /** `webview.cspSource`: the origin the webview serves local resources from. */
  readonly cspSource: string;
  readonly nonce: string;
  /** URIs (as strings) of media/dist/diagram/main.js and main.css. */
  readonly scriptUri: string;
  readonly styleUri: string;
  /** URI of media/dist/codicons/codicon.css: the icon font of the toolbar (@vscode-elements/elements looks it up by id). */
  readonly codiconUri?: string;
  readonly title: string;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' ${cspSource}`,
    `style-src ${cspSource} 'unsafe-inline'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
}

/** A nonce of 128 random bits, base64url (valid in a CSP source expression). */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=/g, '');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page of any of our webviews: strict CSP, one module script with the page's nonce, an app root. */
export function buildWebviewHtml(o: DiagramHtmlOptions & { readonly loadingText: string }): string {
  if (!/^[A-Za-z0-9_-]+$/.test(o.nonce)) throw new Error('Expected a base64url nonce.');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${o.codiconUri ? `<link rel="stylesheet" id="vscode-codicon-stylesheet" href="${escapeHtml(o.codiconUri)}">\n` : ''}<link rel="stylesheet" href="${escapeHtml(o.styleUri)}">
<title>${escapeHtml(o.title)}</title>
</head>
<body>
<div id="app"><p>${escapeHtml(o.loadingText)}</p></div>
<script type="module" nonce="${o.nonce}" src="${escapeHtml(o.scriptUri)}"></script>
</body>
</html>
`;
}

export function buildDiagramHtml(o: DiagramHtmlOptions): string {
  return buildWebviewHtml({ ...o, loadingText: 'Loading the diagram editor…' });
}

/**
 * A page that only says something (a panel that could not be restored): no script at all, the
 * message escaped, colours from VS Code's theme variables.
 */
export function buildNoticeHtml(o: { readonly cspSource: string; readonly title: string; readonly message: string }): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(o.cspSource, makeNonce()))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(o.title)}</title>
<style>
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 1.5em; max-width: 48em; }
.notice { border-left: 4px solid var(--vscode-editorWarning-foreground, #cca700); padding: 0.5em 1em; background: var(--vscode-textBlockQuote-background); }
</style>
</head>
<body data-state="not-restored">
<h1>${escapeHtml(o.title)}</h1>
<p class="notice" id="notice" role="alert">${escapeHtml(o.message)}</p>
</body>
</html>
`;
}
