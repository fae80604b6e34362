import * as vscode from 'vscode';
import { mayLinkToFiles } from '../../core/links/mayLinkToFiles';
import { UNLISTED_FOLDERS, withFolders, type DocumentFiles, type WorkspaceFiles } from '../../core/links/workspaceFiles';
import { watchNewFolders } from '../index/newFolders';
import { log } from '../log';

/** Beyond this many files in a folder the list is not kept and links there are not checked (a partial list would call real files missing). */
export const MAX_LISTED_FILES = 100_000;
const EXCLUDE = `{${UNLISTED_FOLDERS.map((f) => `**/${f}/**`).join(',')}}`;
const REFRESH_MS = 300;
/** New entries checked for being folders at once; a burst beyond this (a checkout) lists the folder again instead. */
const MAX_FOLDER_CHECKS = 32;

/**
 * The files of each workspace folder, for links/missing-file. Listed with findFiles (any file system,
 * the web host too) the first time a post-mortem links to a path, then kept up to date from a file
 * watcher, so creating the runbook clears the diagnostic. Each change publishes a new `paths` set
 * (never mutated): a plain value that lint can take to a worker thread and cache lookups on.
 */
export class WorkspaceFileList implements vscode.Disposable {
  private readonly folders = new Map<string, WorkspaceFiles | 'listing' | 'too-many'>();
  private readonly pending = new Map<string, { created: Set<string>; deleted: Set<string> }>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when a folder's list was made or changed: open post-mortems should be linted again. */
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private checking = 0;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => {
        this.note(uri, 'created');
        void this.readIfFolder(uri);
      }),
      watcher.onDidDelete((uri) => this.note(uri, 'deleted')),
      // The watcher misses files written into a folder just created (a runbook folder from a pull).
      watchNewFolders((uri) => this.note(uri, 'created'), EXCLUDE, '**/*'),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.folders.clear();
        this.pending.clear();
        this.emitter.fire();
      }),
    );
  }

  /**
   * The files facts for a post-mortem, or undefined while its folder is being listed (the list is
   * started here when the text links to a path), when it is outside every workspace folder, or when
   * the folder has too many files.
   */
  filesFor(uri: vscode.Uri, text: string): DocumentFiles | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || uri.scheme !== folder.uri.scheme) return undefined;
    const key = folder.uri.toString();
    const state = this.folders.get(key);
    if (state === undefined) {
      if (mayLinkToFiles(text)) void this.list(folder);
      return undefined;
    }
    if (typeof state === 'string') return undefined;
    const documentPath = relativeTo(folder.uri, uri);
    return documentPath === undefined ? undefined : { workspace: state, documentPath };
  }

  private async list(folder: vscode.WorkspaceFolder): Promise<void> {
    const key = folder.uri.toString();
    this.folders.set(key, 'listing');
    const started = performance.now();
    let uris: vscode.Uri[];
    try {
      uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*'), EXCLUDE, MAX_LISTED_FILES + 1);
    } catch (e) {
      log().info(`Links to workspace files are not checked in ${folder.name}: listing its files failed (${(e as Error).message})`);
      this.folders.set(key, 'too-many');
      this.pending.delete(key);
      return;
    }
    if (this.folders.get(key) !== 'listing') return; // the workspace folders changed meanwhile
    if (uris.length > MAX_LISTED_FILES) {
      log().info(`Links to workspace files are not checked in ${folder.name}: more than ${MAX_LISTED_FILES} files`);
      this.folders.set(key, 'too-many');
      this.pending.delete(key);
      return;
    }
    const paths = uris.map((u) => relativeTo(folder.uri, u)).filter((p): p is string => !!p);
    this.folders.set(key, { paths: withFolders(paths), unlisted: UNLISTED_FOLDERS });
    log().trace(`Listed ${paths.length} file(s) of ${folder.name} for link checks in ${(performance.now() - started).toFixed(0)} ms`);
    // Files created or deleted while findFiles ran may be missing from (or still in) its answer: apply
    // the watcher's events of that time on top, instead of dropping them (a runbook written just
    // before the post-mortem was opened stayed "missing" for good).
    if (this.pending.has(key)) this.apply();
    this.emitter.fire();
  }

  /**
   * A folder created with files in it (`mkdir -p` and a write, a copy, a checkout): on Linux the
   * watcher reports the folder but misses files written into it before it watched it
   * (parcel-bundler/watcher#243, #97), so a runbook in a new folder stayed "missing". List it.
   */
  private async readIfFolder(uri: vscode.Uri): Promise<void> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const state = folder && this.folders.get(folder.uri.toString());
    if (!folder || (typeof state !== 'object' && state !== 'listing')) return;
    if (this.checking >= MAX_FOLDER_CHECKS) {
      if (state !== 'listing') void this.list(folder);
      return;
    }
    this.checking++;
    try {
      const stat = await vscode.workspace.fs.stat(uri).then((s) => s, () => undefined);
      if (!stat || !(stat.type & vscode.FileType.Directory)) return;
      const inside = await vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*'), EXCLUDE, MAX_LISTED_FILES + 1);
      if (inside.length > MAX_LISTED_FILES) {
        if (this.folders.get(folder.uri.toString()) !== 'listing') void this.list(folder);
        return;
      }
      for (const file of inside) this.note(file, 'created');
    } finally {
      this.checking--;
    }
  }

  /** Batches watcher events (a checkout creates thousands) into one new set per folder. */
  private note(uri: vscode.Uri, kind: 'created' | 'deleted'): void {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const path = folder && relativeTo(folder.uri, uri);
    if (!folder || !path || path.split('/').some((s) => UNLISTED_FOLDERS.includes(s))) return;
    const key = folder.uri.toString();
    // Before the first listing nothing is kept; during it, events are kept for when it ends (list()).
    if (this.folders.get(key) === undefined || this.folders.get(key) === 'too-many') return;
    let changes = this.pending.get(key);
    if (!changes) this.pending.set(key, (changes = { created: new Set(), deleted: new Set() }));
    (kind === 'created' ? changes.deleted : changes.created).delete(path);
    changes[kind].add(path);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.apply(), REFRESH_MS);
  }

  private apply(): void {
    let changed = false;
    for (const [key, changes] of this.pending) {
      const state = this.folders.get(key);
      // Still listing: kept until list() ends and applies them.
      if (typeof state !== 'object') continue;
      this.pending.delete(key);
      // A deleted folder takes everything under it: one pass, each path's folders looked up.
      const next = new Set<string>();
      for (const p of state.paths) if (!deletedOrUnder(p, changes.deleted)) next.add(p);
      for (const p of withFolders(changes.created)) next.add(p);
      // A rebuilt file (deleted, then created again) changes nothing: no new set, no re-lint.
      if (next.size === state.paths.size && [...changes.created].every((p) => state.paths.has(p))) continue;
      this.folders.set(key, { paths: next, unlisted: state.unlisted });
      changed = true;
    }
    if (changed) this.emitter.fire();
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

/** `/`-separated path of `uri` inside `folder`, or undefined when it is not inside. */
function relativeTo(folder: vscode.Uri, uri: vscode.Uri): string | undefined {
  if (folder.scheme !== uri.scheme || folder.authority !== uri.authority) return undefined;
  const base = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
}

function deletedOrUnder(path: string, deleted: ReadonlySet<string>): boolean {
  if (deleted.size === 0) return false;
  for (let end = path.length; end > 0; end = path.lastIndexOf('/', end - 1)) {
    if (deleted.has(path.slice(0, end))) return true;
  }
  return false;
}
