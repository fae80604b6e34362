import * as vscode from 'vscode';
import { isLintedUri } from '../recognise';
import { findMermaidBlocks } from '../../core/diagrams/blocks';

export const OPEN_COMMAND = 'postmortem.openDiagramEditor';

/** "Edit fishbone" / "Edit fault tree" above each diagram block of a Markdown file. */
export class DiagramCodeLensProvider implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    // A diff's preview text or an old version is not the file the editor would write.
    if (!isLintedUri(document.uri)) return [];
    return findMermaidBlocks(document.getText())
      .filter((b) => b.kind !== 'other')
      .map((b) => new vscode.CodeLens(new vscode.Range(b.range.start.line, 0, b.range.start.line, 0), {
        title: b.kind === 'fishbone' ? 'Edit fishbone' : 'Edit fault tree',
        tooltip: 'Open the structured editor beside the text',
        command: OPEN_COMMAND,
        arguments: [document.uri.toString(), b.index],
      }));
  }
}
