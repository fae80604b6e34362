import * as vscode from 'vscode';
import { builtinTemplateSource } from '../../core/template/builtinSource';
import type { ConfigStore } from '../config/configStore';
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
 * `default.md` is replaced only when the person says so (a modal question); the file is created
 * with a workspace edit that fails rather than overwrite when the file appeared meanwhile.
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
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(target, { overwrite, ignoreIfExists: false, contents: new TextEncoder().encode(builtinTemplateSource()) });
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(`Could not write ${shown}${overwrite ? '' : ' (it may have been created meanwhile; not replaced)'}.`);
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument(target);
  if (doc.isDirty) await doc.save();
  if (args.open !== false) await vscode.window.showTextDocument(doc, { preview: false });
  void vscode.window.setStatusBarMessage(`$(file) ${shown}: edit its template: block to say which incidents it suits`, 8000);
  return target;
}
