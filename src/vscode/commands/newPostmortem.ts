import * as vscode from 'vscode';
import { defaultIdFor, fileNameFor, renderPostmortemTemplate } from '../../core/template/newPostmortem';
import { editorSettings } from '../config/settings';
import { editorWriterZone, showWriterZoneNotice } from '../timeline/writerZone';

/** Arguments for scripted use (tests, other extensions): skip the input box. */
export interface NewPostmortemArgs {
  readonly title?: string;
  /** Defaults to true: show the new file in an editor. */
  readonly open?: boolean;
  /** Uri (string) of the workspace folder to create it in; default: the active file's, else the first. */
  readonly workspaceFolder?: string;
}

/**
 * Asks for a title, writes the template (id and UTC times filled in, `timezone:` the writer's zone:
 * the `postmortem.zone` setting, else the machine's) to the configured folder through workspace.fs,
 * and opens it. A machine in UTC or without a zone is said out loud. Without a folder open, opens an untitled document instead.
 * Returns the new file's URI, or undefined when cancelled.
 */
export async function newPostmortem(args: NewPostmortemArgs = {}): Promise<vscode.Uri | undefined> {
  const title = args.title ?? await vscode.window.showInputBox({
    title: 'New Post-mortem',
    prompt: 'Title: what happened to the system, in one blameless line',
    placeHolder: 'Checkout errors after connection-pool exhaustion',
    validateInput: (v) => (v.trim() ? undefined : 'Enter a title'),
  });
  if (!title?.trim()) return undefined;
  const now = new Date();
  const root = await targetFolder(args);
  if (!root && vscode.workspace.workspaceFolders?.length) return undefined; // The folder pick was cancelled.
  // `postmortem.folder` is resource-scoped: each workspace folder may keep post-mortems elsewhere.
  const settings = editorSettings(root?.uri);
  const writer = editorWriterZone(root?.uri);
  showWriterZoneNotice(writer);
  const render = (n: number) => renderPostmortemTemplate({ title, now, zone: writer.zone, id: defaultIdFor(title, now, n), ...(settings.userName ? { author: settings.userName } : {}) });
  if (!root) {
    const text = render(1);
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    if (args.open !== false) await vscode.window.showTextDocument(doc);
    return doc.uri;
  }
  const folder = vscode.Uri.joinPath(root.uri, ...settings.folder.split(/[\\/]+/).filter(Boolean));
  await vscode.workspace.fs.createDirectory(folder);
  const { uri, n } = await freeName(folder, title, now);
  // The id carries the same -n as the file name, so two incidents of one title and day differ.
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(render(n)));
  if (args.open !== false) await vscode.window.showTextDocument(uri, { preview: false });
  return uri;
}

/** The named folder, else the active file's, else the only one; with several, the user picks. */
async function targetFolder(args: NewPostmortemArgs): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (args.workspaceFolder) {
    const named = folders.find((f) => f.uri.toString() === args.workspaceFolder);
    if (named) return named;
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  const own = active && vscode.workspace.getWorkspaceFolder(active);
  if (own) return own;
  if (folders.length <= 1 || args.title !== undefined) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Workspace folder for the new post-mortem' });
}

/** `name.md`, else `name-2.md`, `name-3.md`, …: never overwrite an existing post-mortem. */
async function freeName(folder: vscode.Uri, title: string, now: Date): Promise<{ uri: vscode.Uri; n: number }> {
  for (let n = 1; ; n++) {
    const uri = vscode.Uri.joinPath(folder, fileNameFor(title, now, n));
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      return { uri, n };
    }
  }
}
