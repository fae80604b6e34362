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

/**
 * Why a command must not create the new file `uri` (New Post-mortem, Convert, evidence copies), or
 * undefined: the nearest folder of it that exists must not lead out of the workspace folders (a
 * `x.assets` or `postmortems` folder that is a symlink to `~/.ssh`). Whether the name is free is the
 * create's own check (createNewFile).
 */
export async function newFileRefusalOf(uri: vscode.Uri): Promise<WriteTargetRefusal | undefined> {
  if (uri.scheme === 'untitled') return undefined;
  const fs = uri.scheme === 'file' ? nodeFs() : undefined;
  return fs ? newOnDisk(uri, fs) : throughFileSystemApi(uri, true);
}

const realOf = (fs: NodeFs) => (path: string) => fs.promises.realpath(path).then((p) => p, () => undefined);

/** The folders a write must stay in: the workspace folders (resolved), or the file's own folder when it is in none. */
async function rootsFor(uri: vscode.Uri, fs: NodeFs): Promise<{ roots: string[]; rootsLabel: string }> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  const inWorkspace = folders.some((f) => isInsideFolder(uri.fsPath, f));
  // A file opened outside every workspace folder: its own folder, as the CLI's roots for one file.
  const given = inWorkspace ? folders : [vscode.Uri.joinPath(uri, '..').fsPath];
  const roots = await Promise.all(given.map(async (f) => (await realOf(fs)(f)) ?? f));
  return { roots, rootsLabel: inWorkspace ? 'the workspace folders' : 'the folder it was opened from' };
}

async function onDisk(uri: vscode.Uri, fs: NodeFs): Promise<WriteTargetRefusal | undefined> {
  const target = await realOf(fs)(uri.fsPath);
  if (!target) return undefined;
  const stat = await fs.promises.stat(target).then((s) => s, () => undefined);
  if (!stat) return undefined;
  // No write bit at all (chmod 444: also for root), or not writable by the user VS Code runs as.
  const readOnly = (stat.mode & 0o222) === 0 || !(await fs.promises.access(target, fs.constants.W_OK).then(() => true, () => false));
  return writeTargetRefusal({ target, ...(await rootsFor(uri, fs)), readOnly });
}

async function newOnDisk(uri: vscode.Uri, fs: NodeFs): Promise<WriteTargetRefusal | undefined> {
  // Up from the new file's folder to the first that exists (New Post-mortem may create folders too);
  // one step per name of the path, so bounded.
  const below: string[] = [uri.path.slice(uri.path.lastIndexOf('/') + 1)];
  let folder = vscode.Uri.joinPath(uri, '..');
  let real = await realOf(fs)(folder.fsPath);
  while (!real) {
    const parent = vscode.Uri.joinPath(folder, '..');
    if (parent.path === folder.path) return undefined;
    below.unshift(folder.path.slice(folder.path.lastIndexOf('/') + 1));
    folder = parent;
    real = await realOf(fs)(folder.fsPath);
  }
  const target = vscode.Uri.joinPath(vscode.Uri.file(real), ...below).fsPath;
  return writeTargetRefusal({ target, ...(await rootsFor(uri, fs)), readOnly: false });
}

/** `creating`: `uri` is a new file; the folders on its way that exist are checked, a missing one ends the walk. */
async function throughFileSystemApi(uri: vscode.Uri, creating = false): Promise<WriteTargetRefusal | undefined> {
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
  if (creating) return undefined;
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
