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
 * Creates a NEW file with these bytes and never replaces one, outside the undo stack.
 *
 * Not a WorkspaceEdit `createFile`: VS Code puts that on the undo stack, so Ctrl+Z in the new file
 * (or in the diagram panel) walked past its first content and deleted the saved file from disk,
 * without a question and beyond redo (trial14b F1). Not a stat and then `workspace.fs.writeFile`
 * either: that overwrites a file created in between (another program, a git checkout).
 * The bytes go to a fresh hidden name beside the file (no `.md`, so no index or view sees it), then
 * `workspace.fs.rename` with `overwrite: false` moves them in: VS Code refuses the rename when the
 * name exists at that moment, and the file appears whole. Both go through VS Code's file service,
 * so this works in the Node and web-worker hosts alike (virtual file systems included).
 */
export async function createNewFile(uri: vscode.Uri, bytes: Uint8Array): Promise<CreateOutcome> {
  const refusal = await newFileRefusalOf(uri);
  if (refusal) return { created: false, exists: false, why: refusal.message };
  const staged = stagingUriFor(uri);
  try {
    await vscode.workspace.fs.writeFile(staged, bytes);
  } catch {
    await removeQuietly(staged);
    return { created: false, exists: await existsAt(uri) };
  }
  await newFileSeam.beforeCreate?.(uri);
  try {
    await vscode.workspace.fs.rename(staged, uri, { overwrite: false });
    return { created: true };
  } catch {
    await removeQuietly(staged);
    return { created: false, exists: await existsAt(uri) };
  }
}

/** A name beside `uri` that nothing else uses: hidden, random, and not a Markdown file. */
function stagingUriFor(uri: vscode.Uri): vscode.Uri {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const random = Math.random().toString(36).slice(2, 10) + Date.now().toString(36);
  return vscode.Uri.joinPath(uri, '..', `.${name}.${random}.pm-creating`);
}

async function existsAt(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(() => true, () => false);
}

async function removeQuietly(uri: vscode.Uri): Promise<void> {
  await vscode.workspace.fs.delete(uri, { useTrash: false }).then(undefined, () => undefined);
}

/** Says why nothing was written, as an error message (and to the test seam). */
export function showCreateRefusal(message: string): void {
  newFileSeam.onRefusal?.(message);
  void vscode.window.showErrorMessage(message);
}
