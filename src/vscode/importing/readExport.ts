import * as vscode from 'vscode';
import { decodeExport, ImportError, type ExportSource } from '../../core/import';
import { baseName } from '../recognise';
import { runGitLog } from './gitLog';

async function stat(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
}

/**
 * Exports as the extension reaches them: through workspace.fs (virtual file systems too), and git
 * only in the Node host on a local folder. The core importers (core/import/registry.ts) do the rest,
 * the same as in `postmortem import-timeline`.
 */
export const workspaceExports: ExportSource<vscode.Uri> = {
  // UTF-8 or UTF-16; other bytes refused with the file named (the one decoder of user files, as the CLI's).
  readText: async (uri) => decodeExport(vscode.workspace.asRelativePath(uri, false), await vscode.workspace.fs.readFile(uri)),
  isDirectory: async (uri) => (await stat(uri))?.type === vscode.FileType.Directory,
  isFile: async (uri) => (await stat(uri))?.type === vscode.FileType.File,
  list: async (folder) => (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name),
  child: (folder, name) => vscode.Uri.joinPath(folder, name),
  parent: (uri) => vscode.Uri.joinPath(uri, '..'),
  baseName,
  // Always offered: where git cannot run (the web worker), runGitLog says so in words the user can act on.
  gitLog: (folder, since, until) => {
    if (folder.scheme !== 'file') return Promise.reject(new ImportError('git log needs a folder on the local disk.'));
    return runGitLog(folder.fsPath, since, until);
  },
};
