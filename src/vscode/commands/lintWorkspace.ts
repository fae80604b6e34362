import * as vscode from 'vscode';
import type { DiagnosticsController } from '../diagnostics/diagnosticsController';
import type { Indexer } from '../index/indexer';
import { readWorkspaceText } from '../index/readText';
import { editorSettings } from '../config/settings';

/**
 * Lints every indexed post-mortem so the Problems panel lists them all; returns the number of
 * problems. Post-mortems the index could not read are already in Problems (one "Not read" each):
 * a notification says how many were left out, so the count is never taken for the whole workspace.
 */
export async function lintWorkspace(indexer: Indexer, diagnostics: DiagnosticsController): Promise<{ files: number; problems: number; notRead: number }> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Linting post-mortems' }, async () => {
    await indexer.ready();
    const uris = [...indexer.index.entries()].map(([uri]) => vscode.Uri.parse(uri));
    let problems = 0;
    for (const uri of uris) {
      const outcome = await readWorkspaceText(uri, editorSettings().maxFileSizeBytes);
      if ('text' in outcome) problems += await diagnostics.publishFor(uri, outcome.text);
    }
    void vscode.commands.executeCommand('workbench.actions.view.problems');
    const notRead = indexer.skipped.size;
    if (notRead) {
      void vscode.window.showWarningMessage(`Linted ${uris.length} post-mortem${uris.length === 1 ? '' : 's'}; ${notRead} could not be read and ${notRead === 1 ? 'was' : 'were'} not checked (each is listed in Problems with the reason).`);
    }
    return { files: uris.length, problems, notRead };
  });
}
