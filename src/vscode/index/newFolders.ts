import * as vscode from 'vscode';
import { log } from '../log';
import { isMarkdownUri } from '../recognise';

/** Created folders whose files are not looked for: tools fill them with thousands of files. */
const SKIPPED = /\/(node_modules|\.git)(\/|$)/;
/** Creates arrive in bursts (a checkout, a build): looked at together, after this pause. */
const BATCH_MS = 300;
/** At most this many created paths of one burst are checked for being a folder (a build writes thousands of files). */
const MAX_CHECKED = 500;

/**
 * Calls `onFile` with the files matching `glob` (default: Markdown) under each folder created in the
 * workspace (a `git checkout` or `git pull` that adds a folder, an unzip, a script writing a new
 * folder of post-mortems).
 *
 * Why: the workspace's recursive file watcher (@parcel/watcher, inotify on Linux) starts watching a
 * new folder only once it has seen it, and reports no create event for the files written into it
 * before then. Measured in the integration suite (newFolders.itest.ts): 16 of 20 post-mortems
 * written right after their folder got no event (load ~14); with code-server's watcher module alone,
 * 25 of 60. Such a post-mortem stayed out of the index until edited. Files the watcher did report
 * are passed again: reading a file twice is harmless.
 */
export function watchNewFolders(onFile: (uri: vscode.Uri) => void, exclude: string, glob = '**/*.{md,markdown}', maxFiles?: number): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, true);
  let burst = new Map<string, vscode.Uri>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = async () => {
    timer = undefined;
    const created = outermost([...burst.values()]);
    burst = new Map();
    if (created.length > MAX_CHECKED) log().info(`${created.length} paths created at once: only the first ${MAX_CHECKED} are looked into for files the file watcher may have missed`);
    for (const uri of created.slice(0, MAX_CHECKED)) for (const file of await filesOfNewFolder(uri, exclude, glob, maxFiles)) onFile(file);
  };
  const listener = watcher.onDidCreate((uri) => {
    if (isMarkdownUri(uri) || SKIPPED.test(uri.path)) return;
    burst.set(uri.toString(), uri);
    timer ??= setTimeout(() => void flush(), BATCH_MS);
  });
  return vscode.Disposable.from(listener, watcher, { dispose: () => clearTimeout(timer) });
}

/** The paths not under another of them (a new folder's listing covers its new subfolders). */
function outermost(uris: readonly vscode.Uri[]): vscode.Uri[] {
  const byLength = [...uris].sort((a, b) => a.path.length - b.path.length);
  const kept = new Set<string>();
  const result: vscode.Uri[] = [];
  for (const uri of byLength) {
    const key = uri.toString();
    let under = false;
    // Each folder above it (bounded by the path's depth).
    for (let end = key.lastIndexOf('/'); end > 0 && !under; end = key.lastIndexOf('/', end - 1)) under = kept.has(key.slice(0, end));
    if (under) continue;
    kept.add(key);
    result.push(uri);
  }
  return result;
}

async function filesOfNewFolder(uri: vscode.Uri, exclude: string, glob: string, maxFiles?: number): Promise<readonly vscode.Uri[]> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (!(stat.type & vscode.FileType.Directory)) return [];
    return await vscode.workspace.findFiles(new vscode.RelativePattern(uri, glob), exclude, maxFiles);
  } catch (error) {
    // Gone again before we looked (a build's temporary folder): nothing to read, nothing to say.
    if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) {
      log().info(`New folder ${uri.path} not listed: ${error instanceof Error ? error.message : String(error)}`);
    }
    return [];
  }
}
