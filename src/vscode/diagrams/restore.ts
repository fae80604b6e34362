import * as vscode from 'vscode';
import { showNotice } from '../webviews/appPanel';
import { DIAGRAM_VIEW_TYPE } from './diagramPanel';
import type { PanelManager } from './panelManager';
import { checkSavedDiagram, fileNameOf, findSavedBlock } from './restoreBlock';

const NOT_RESTORED = 'Diagram (not restored)';

/**
 * Brings diagram panels back after a window reload, as the Markdown preview does: VS Code hands
 * over each panel with the state its page last saved (`onWebviewPanel:postmortem.diagramEditor`
 * activates us for it). The state is the webview's word only: ./restoreBlock checks it, the file is
 * re-opened and the block found again; when any of that fails the panel says why instead.
 */
export function registerDiagramRestore(panels: PanelManager, extensionUri: vscode.Uri, output: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(DIAGRAM_VIEW_TYPE, {
    async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
      try {
        const why = await restore(panels, panel, state);
        if (why === undefined) return;
        output.info(`Diagram editor: a panel was not restored (${why})`);
        showNotice(panel, extensionUri, NOT_RESTORED, why);
      } catch (err) {
        // VS Code would otherwise leave the panel blank: say what happened in it and in the log.
        const message = err instanceof Error ? err.message : String(err);
        output.error(`Diagram editor: restoring a panel failed: ${message}`);
        showNotice(panel, extensionUri, NOT_RESTORED, `This diagram panel could not be restored: ${message}`);
      }
    },
  });
}

/** Restores the panel; resolves with why not when it cannot. */
async function restore(panels: PanelManager, panel: vscode.WebviewPanel, state: unknown): Promise<string | undefined> {
  const checked = checkSavedDiagram(state, isWorkspaceFile);
  if (!checked.ok) return checked.message;
  const saved = checked.state;
  let document: vscode.TextDocument;
  try {
    document = await vscode.workspace.openTextDocument(vscode.Uri.parse(saved.uri, true));
  } catch (err) {
    return `This diagram panel could not be restored: ${fileNameOf(saved.uri)} could not be opened (${err instanceof Error ? err.message : String(err)}).`;
  }
  if (document.languageId !== 'markdown') return `This diagram panel could not be restored: ${fileNameOf(saved.uri)} is not a Markdown file.`;
  const found = findSavedBlock(document.getText(), saved);
  if (!found.ok) return found.message;
  const restored = panels.restore(panel, document, found.index);
  return typeof restored === 'string' ? `This diagram panel could not be restored: ${restored}` : undefined;
}

/** True for a URI spelled exactly as the extension sends it (`Uri.toString()`) inside a workspace folder. */
function isWorkspaceFile(raw: string): boolean {
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(raw, true);
  } catch {
    return false;
  }
  if (uri.toString() !== raw) return false;
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return folder !== undefined && folder.uri.toString() !== uri.toString();
}
