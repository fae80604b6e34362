import * as vscode from 'vscode';
import { builtinTemplateSource } from '../../core/template/builtinSource';
import type { ConfigStore } from '../config/configStore';
import { createNewFile, showCreateRefusal } from '../editing/createNewFile';
import { writeTargetRefusalOf } from '../editing/writeTarget';
import { templatesFolderOf } from '../templates/readTemplates';
import { commandWorkspaceFolder } from './workspaceFolder';

export interface CopyTemplateArgs {
  /** Uri (string) of the workspace folder; default: the active file's, else the only one, else asked. */
  readonly workspaceFolder?: string;
  /** When `default.md` exists: true replaces it, false keeps it; undefined asks. */
  readonly overwrite?: boolean;
  /** Defaults to true: open the copy. */
  readonly open?: boolean;
}

/**
 * Writes the built-in template, as a template file with its `template:` block and variables, to
 * `<templatesFolder>/default.md` of a workspace folder so a team can customise it. An existing
 * `default.md` is replaced only when the person says so (a modal question); otherwise the file is
 * created by `createNewFile`, which fails rather than overwrite when the file appeared meanwhile.
 * Neither is on the undo stack: Ctrl+Z in the copy never deletes it.
 * Returns the file's URI, or undefined when nothing was written.
 */
export async function copyBuiltinTemplate(config: ConfigStore, args: CopyTemplateArgs = {}): Promise<vscode.Uri | undefined> {
  const root = await commandWorkspaceFolder(args.workspaceFolder, 'Workspace folder to copy the built-in template to');
  if (!root) {
    if (!vscode.workspace.workspaceFolders?.length) void vscode.window.showErrorMessage('Open a folder first: templates live in the repository (.postmortem/templates).');
    return undefined;
  }
  const target = vscode.Uri.joinPath((await templatesFolderOf(config, root.uri)).uri, 'default.md');
  const shown = vscode.workspace.asRelativePath(target, false);
  let exists = true;
  try {
    await vscode.workspace.fs.stat(target);
  } catch {
    exists = false;
  }
  let overwrite = false;
  if (exists) {
    overwrite = args.overwrite ?? (await vscode.window.showWarningMessage(
      `${shown} already exists. Replace it with the built-in template? Your changes to it would be lost.`,
      { modal: true }, 'Replace',
    )) === 'Replace';
    if (!overwrite) {
      if (args.overwrite === undefined && args.open !== false) await vscode.window.showTextDocument(target, { preview: false });
      return undefined;
    }
  }
  // Written outside the undo stack (trial14b F1: one Ctrl+Z in the opened copy deleted it from disk).
  const bytes = new TextEncoder().encode(builtinTemplateSource());
  if (overwrite) {
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === target.toString() && d.isDirty)) {
      void vscode.window.showErrorMessage(`${shown} has unsaved changes in an editor; save or revert them first. Nothing was replaced.`);
      return undefined;
    }
    const refusal = await writeTargetRefusalOf(target);
    const written = refusal ? false : await vscode.workspace.fs.writeFile(target, bytes).then(() => true, () => false);
    if (!written) {
      void vscode.window.showErrorMessage(`Could not write ${shown}${refusal ? `: ${refusal.message}` : ''}; it was not replaced.`);
      return undefined;
    }
  } else {
    const created = await createNewFile(target, bytes);
    if (!created.created) {
      showCreateRefusal(created.exists
        ? `Could not write ${shown}: it was created by something else meanwhile; it was not replaced.`
        : `Could not write ${shown}${created.why ? `: ${created.why}` : ''}; nothing was written.`);
      return undefined;
    }
  }
  const doc = await vscode.workspace.openTextDocument(target);
  if (args.open !== false) await vscode.window.showTextDocument(doc, { preview: false });
  void vscode.window.setStatusBarMessage(`$(file) ${shown}: edit its template: block to say which incidents it suits`, 8000);
  return target;
}
