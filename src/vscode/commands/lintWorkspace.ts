import * as vscode from 'vscode';
import type { DiagnosticsController } from '../diagnostics/diagnosticsController';
import type { Indexer } from '../index/indexer';
import { readWorkspaceText } from '../index/readText';
import { editorSettings } from '../config/settings';

/** Lints every indexed post-mortem so the Problems panel lists them all; returns the number of problems. */
export async function lintWorkspace(indexer: Indexer, diagnostics: DiagnosticsController): Promise<{ files: number; problems: number }> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Linting post-mortems' }, async () => {
    await indexer.ready();
    const uris = [...indexer.index.entries()].map(([uri]) => vscode.Uri.parse(uri));
    let problems = 0;
    for (const uri of uris) {
      const outcome = await readWorkspaceText(uri, editorSettings().maxFileSizeBytes);
      if ('text' in outcome) problems += await diagnostics.publishFor(uri, outcome.text);
    }
    void vscode.commands.executeCommand('workbench.actions.view.problems');
    return { files: uris.length, problems };
  });
}
