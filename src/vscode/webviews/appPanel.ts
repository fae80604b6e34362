import * as vscode from 'vscode';
import { buildNoticeHtml, makeNonce } from '../diagrams/webviewHtml';

type Column = vscode.ViewColumn | { readonly viewColumn: vscode.ViewColumn; readonly preserveFocus?: boolean };

/**
 * A panel for one of our webview apps: scripts on, only `media/` readable, and the page kept while
 * hidden (Mermaid's first load is the slow part; the state is cheap to rebuild).
 */
export function createAppPanel(extensionUri: vscode.Uri, viewType: string, title: string, column: Column): vscode.WebviewPanel {
  const panel = vscode.window.createWebviewPanel(viewType, title, column, {
    ...webviewOptions(extensionUri),
    retainContextWhenHidden: true,
  });
  return adoptAppPanel(panel, extensionUri);
}

/**
 * Sets up a panel VS Code brought back after a window reload (a panel serializer receives it):
 * the same webview options and icon as a new one. VS Code restores the panel's own options
 * (retainContextWhenHidden) itself; they cannot be set after creation.
 */
export function adoptAppPanel(panel: vscode.WebviewPanel, extensionUri: vscode.Uri): vscode.WebviewPanel {
  panel.webview.options = webviewOptions(extensionUri);
  panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icons', 'postmortem.svg');
  return panel;
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] };
}

/** What a page of the app bundled to `media/dist/<app>/` needs: its CSP source, a fresh nonce and its asset URIs. */
export function appAssets(webview: vscode.Webview, extensionUri: vscode.Uri, app: 'diagram' | 'metrics') {
  const dist = vscode.Uri.joinPath(extensionUri, 'media', 'dist', app);
  return {
    cspSource: webview.cspSource,
    nonce: makeNonce(),
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'main.js')).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'main.css')).toString(),
    // The diagram editor's toolbar icons (the metrics page has none).
    ...(app === 'diagram' ? { codiconUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'dist', 'codicons', 'codicon.css')).toString() } : {}),
  };
}

/** Turns a panel into a notice (a restored panel whose content is gone): a script-free page saying why. */
export function showNotice(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, title: string, message: string): void {
  adoptAppPanel(panel, extensionUri);
  panel.webview.options = { enableScripts: false, localResourceRoots: [] };
  panel.title = title;
  panel.webview.html = buildNoticeHtml({ cspSource: panel.webview.cspSource, title, message });
}
