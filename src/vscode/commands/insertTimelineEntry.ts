import * as vscode from 'vscode';
import type { ResolvedConfig } from '../../core/config/config';
import { placeTimelineEntry } from '../timeline/placeEntry';
import { markdownEditorForCommand } from './markdownEditorTarget';

const NEW_POSTMORTEM = 'New Post-mortem…';

/** Inserts an entry stamped now (UTC) in the Timeline section, in time order; creates the section if missing. */
export async function insertTimelineEntry(config: ResolvedConfig, now = Date.now()): Promise<boolean> {
  // Placed by the entries' times, not the cursor: the same from the walkthrough as from the editor.
  const target = await markdownEditorForCommand();
  if (target && 'refusal' in target) {
    void vscode.window.showWarningMessage(`No timeline entry inserted: ${target.refusal}`);
    return false;
  }
  const editor = target?.editor;
  if (!editor) {
    void vscode.window.showInformationMessage('Open a post-mortem to insert a timeline entry.', NEW_POSTMORTEM).then((pick) => {
      if (pick) void vscode.commands.executeCommand('postmortem.newPostmortem');
    });
    return false;
  }
  const doc = editor.document;
  const placement = placeTimelineEntry(doc.getText(), now, config.sectionAliases);
  const eol = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  let position: vscode.Position;
  let snippet = placement.snippet.replace(/\n/g, eol);
  if (placement.line >= doc.lineCount) {
    position = doc.lineAt(doc.lineCount - 1).range.end;
    snippet = `${doc.lineAt(doc.lineCount - 1).text ? eol : ''}${snippet}`;
  } else {
    position = new vscode.Position(placement.line, 0);
    snippet = `${snippet}${eol}`;
  }
  const ok = await editor.insertSnippet(new vscode.SnippetString(snippet), position);
  if (ok) editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return ok;
}
