import * as vscode from 'vscode';
import { byteIssue } from '../../core/text/byteChecks';

export type OpenForWrite = { readonly ok: true; readonly doc: vscode.TextDocument } | { readonly ok: false; readonly message: string };

/**
 * Opens the document a command is about to edit (in the background when no editor shows it); the
 * caller then asks the write guard (checkWrite) with the texts it inserts. VS Code refuses to open a file it takes for binary (a NUL byte):
 * that is said in the guard's words too, not as an unexplained error.
 */
export async function openForWrite(uri: vscode.Uri): Promise<OpenForWrite> {
  let doc: vscode.TextDocument;
  try {
    doc = await vscode.workspace.openTextDocument(uri);
  } catch (e) {
    const name = vscode.workspace.asRelativePath(uri, false);
    const bytes = await vscode.workspace.fs.readFile(uri).then((b) => b, () => undefined);
    const issue = bytes ? byteIssue(bytes) : undefined;
    const why = issue?.code === 'file/nul'
      ? `it contains a NUL byte at line ${issue.at.line + 1}, so VS Code does not open it as text; remove the NUL bytes first`
      : `VS Code could not open it (${e instanceof Error ? e.message : String(e)})`;
    return { ok: false, message: `Nothing was written to ${name}: ${why}.` };
  }
  return { ok: true, doc };
}
