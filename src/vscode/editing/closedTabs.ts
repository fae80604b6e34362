import * as vscode from 'vscode';

/**
 * Of the documents named by `keys` (uri strings), those that no longer have a tab (a text editor or
 * the modified side of a diff) and have no unsaved changes: what the diagnostics and the byte
 * refusals forget when tabs close, since VS Code keeps a closed document's model a while.
 */
export function closedWithoutEdits(keys: Iterable<string>): vscode.Uri[] {
  const shown = new Set<string>();
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      const input = tab.input;
      if (input instanceof vscode.TabInputText) shown.add(input.uri.toString());
      else if (input instanceof vscode.TabInputTextDiff) shown.add(input.modified.toString());
    }
  }
  const dirty = new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()));
  return [...keys].filter((key) => !shown.has(key) && !dirty.has(key)).map((key) => vscode.Uri.parse(key));
}
