import * as vscode from 'vscode';
import { makeNonce } from '../diagrams/webviewHtml';

type Column = vscode.ViewColumn | { readonly viewColumn: vscode.ViewColumn; readonly preserveFocus?: boolean };

/**
 * A panel for one of our webview apps: scripts on, only `media/` readable, and the page kept while
 * hidden (Mermaid's first load is the slow part; the state is cheap to rebuild).
 */
export function createAppPanel(extensionUri: vscode.Uri, viewType: string, title: string, column: Column): vscode.WebviewPanel {
  const media = vscode.Uri.joinPath(extensionUri, 'media');
  const panel = vscode.window.createWebviewPanel(viewType, title, column, {
    enableScripts: true,
    localResourceRoots: [media],
    retainContextWhenHidden: true,
  });
  panel.iconPath = vscode.Uri.joinPath(media, 'icons', 'postmortem.svg');
  return panel;
}

/** What a page of the app bundled to `media/dist/<app>/` needs: its CSP source, a fresh nonce and its asset URIs. */
export function appAssets(webview: vscode.Webview, extensionUri: vscode.Uri, app: 'diagram' | 'metrics') {
  const dist = vscode.Uri.joinPath(extensionUri, 'media', 'dist', app);
  return {
    cspSource: webview.cspSource,
    nonce: makeNonce(),
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'main.js')).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'main.css')).toString(),
  };
}
