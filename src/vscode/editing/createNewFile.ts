import * as vscode from 'vscode';
import { newFileRefusalOf } from './writeTarget';

/**
 * How creating a new file ended: created, or refused (the name was taken meanwhile, the write failed,
 * or `why`: its folder leads out of the workspace, the CLI's rule; said after the file's name).
 */
export type CreateOutcome = { readonly created: true } | { readonly created: false; readonly exists: boolean; readonly why?: string };

/**
 * For tests of the race this module closes: `beforeCreate` runs after the caller found the name
 * free and before the file is created (where another program may create it); `onRefusal` hears
 * each refusal the user is shown.
 */
export const newFileSeam: { beforeCreate?: (uri: vscode.Uri) => Promise<void>; onRefusal?: (message: string) => void } = {};

/**
 * Creates a NEW file with these bytes and never replaces one. A stat that finds the name free and a
 * `workspace.fs.writeFile` after it would overwrite a file created in between (another program, a
 * second command, a git checkout); a WorkspaceEdit `createFile` with `overwrite` and
 * `ignoreIfExists` off is refused by VS Code when the file exists at the moment of the create.
 * It goes through VS Code's file service, so it works in the Node and web-worker hosts alike.
 */
export async function createNewFile(uri: vscode.Uri, bytes: Uint8Array): Promise<CreateOutcome> {
  const refusal = await newFileRefusalOf(uri);
  if (refusal) return { created: false, exists: false, why: refusal.message };
  await newFileSeam.beforeCreate?.(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: bytes });
  if (await vscode.workspace.applyEdit(edit)) {
    // The contents are written with the create; a document the workbench holds unsaved for it is saved.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open?.isDirty) await open.save();
    return { created: true };
  }
  const exists = await vscode.workspace.fs.stat(uri).then(() => true, () => false);
  return { created: false, exists };
}

/** Says why nothing was written, as an error message (and to the test seam). */
export function showCreateRefusal(message: string): void {
  newFileSeam.onRefusal?.(message);
  void vscode.window.showErrorMessage(message);
}
