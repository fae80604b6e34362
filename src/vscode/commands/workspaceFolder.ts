import * as vscode from 'vscode';

/**
 * The workspace folder a command works in when nobody needs to be asked: the one named by a
 * scripted caller (its uri as a string), else the active file's, else the only one. Undefined when
 * no folder is open or several are and nothing says which.
 */
export function impliedWorkspaceFolder(named: string | undefined): vscode.WorkspaceFolder | undefined {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (named) {
    const found = folders.find((f) => f.uri.toString() === named);
    if (found) return found;
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  const own = active && vscode.workspace.getWorkspaceFolder(active);
  if (own) return own;
  return folders.length === 1 ? folders[0] : undefined;
}

/**
 * The workspace folder a command works in (`impliedWorkspaceFolder`); with several the person
 * picks, unless `pickAmongSeveral` is false (a scripted call is never asked: the first folder).
 * Undefined when no folder is open or the pick was cancelled.
 */
export async function commandWorkspaceFolder(named: string | undefined, placeHolder: string, pickAmongSeveral = true): Promise<vscode.WorkspaceFolder | undefined> {
  const implied = impliedWorkspaceFolder(named);
  if (implied) return implied;
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1 || !pickAmongSeveral) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder });
}
