import * as vscode from 'vscode';
import { isInsideFolder, unresolvedLink, writeTargetRefusal, type WriteTargetRefusal } from '../../core/files/writeTarget';

/**
 * The editor's side of the core's write-target decision (src/core/files/writeTarget.ts), which the
 * CLI's writer asks too: a command does not write a file that is read-only, nor one whose real path
 * (symlinks resolved, also in its folders) is outside the workspace folders. VS Code itself would
 * write both when it runs as root, and saves through a symlink wherever it leads.
 *
 * - Node extension host, `file:` URIs: Node's realpath, stat and access, as the CLI does. Node comes
 *   from `process.getBuiltinModule`, not an import: the same source is bundled for the web worker.
 * - Elsewhere (the web extension, virtual file systems): VS Code's file system API, which says
 *   whether a path is a symlink but not where it leads, and whether the file system calls it
 *   read-only (`FilePermission.Readonly`; it does not pass on Unix write bits). A link anywhere
 *   between the workspace folder and the file is refused with that said.
 */

type NodeFs = {
  readonly promises: {
    realpath(path: string): Promise<string>;
    stat(path: string): Promise<{ readonly mode: number }>;
    access(path: string, mode: number): Promise<void>;
  };
  readonly constants: { readonly W_OK: number };
};

function nodeFs(): NodeFs | undefined {
  const proc = (globalThis as { process?: { versions?: { node?: string }; getBuiltinModule?: (id: string) => unknown } }).process;
  if (!proc?.versions?.node || typeof proc.getBuiltinModule !== 'function') return undefined;
  return proc.getBuiltinModule('node:fs') as NodeFs | undefined;
}

/**
 * Why a command must not write `uri`, or undefined when it may. A file that is not there is left to
 * the caller's own check (the write guard says "no longer on disk").
 */
export async function writeTargetRefusalOf(uri: vscode.Uri): Promise<WriteTargetRefusal | undefined> {
  if (uri.scheme === 'untitled') return undefined;
  const fs = uri.scheme === 'file' ? nodeFs() : undefined;
  return fs ? onDisk(uri, fs) : throughFileSystemApi(uri);
}

async function onDisk(uri: vscode.Uri, fs: NodeFs): Promise<WriteTargetRefusal | undefined> {
  const real = (path: string) => fs.promises.realpath(path).then((p) => p, () => undefined);
  const target = await real(uri.fsPath);
  if (!target) return undefined;
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  const inWorkspace = folders.some((f) => isInsideFolder(uri.fsPath, f));
  // A file opened outside every workspace folder: its own folder, as the CLI's roots for one file.
  const given = inWorkspace ? folders : [vscode.Uri.joinPath(uri, '..').fsPath];
  const roots = await Promise.all(given.map(async (f) => (await real(f)) ?? f));
  const stat = await fs.promises.stat(target).then((s) => s, () => undefined);
  if (!stat) return undefined;
  // No write bit at all (chmod 444: also for root), or not writable by the user VS Code runs as.
  const readOnly = (stat.mode & 0o222) === 0 || !(await fs.promises.access(target, fs.constants.W_OK).then(() => true, () => false));
  return writeTargetRefusal({ target, roots, rootsLabel: inWorkspace ? 'the workspace folders' : 'the folder it was opened from', readOnly });
}

async function throughFileSystemApi(uri: vscode.Uri): Promise<WriteTargetRefusal | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  let last: vscode.FileStat | undefined;
  for (const step of stepsDown(folder?.uri, uri)) {
    try {
      last = await vscode.workspace.fs.stat(step);
    } catch {
      return undefined;
    }
    if (last.type & vscode.FileType.SymbolicLink) return unresolvedLink(vscode.workspace.asRelativePath(step, false));
  }
  const readOnly = ((last?.permissions ?? 0) & vscode.FilePermission.Readonly) !== 0 || vscode.workspace.fs.isWritableFileSystem(uri.scheme) === false;
  return writeTargetRefusal({ target: vscode.workspace.asRelativePath(uri, false), readOnly });
}

/** Each path below `folder` down to `file` (just `file` when it is in no folder): one per name, bounded by the path. */
function stepsDown(folder: vscode.Uri | undefined, file: vscode.Uri): vscode.Uri[] {
  if (!folder) return [file];
  const base = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  if (!file.path.startsWith(base)) return [file];
  const names = file.path.slice(base.length).split('/').filter((n) => n !== '');
  const steps: vscode.Uri[] = [];
  let at = folder;
  for (const name of names) {
    at = vscode.Uri.joinPath(at, name);
    steps.push(at);
  }
  return steps.length ? steps : [file];
}
