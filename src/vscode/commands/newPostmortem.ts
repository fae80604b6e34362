import * as vscode from 'vscode';
import { fileNameFor, renderPostmortemTemplate } from '../../core/template/newPostmortem';
import { editorSettings } from '../config/settings';

/** Arguments for scripted use (tests, other extensions): skip the input box. */
export interface NewPostmortemArgs {
  readonly title?: string;
  /** Defaults to true: show the new file in an editor. */
  readonly open?: boolean;
}

/**
 * Asks for a title, writes the template (id and UTC times filled in) to the configured folder
 * through workspace.fs, and opens it. Without a folder open, opens an untitled document instead.
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
  const settings = editorSettings();
  const text = renderPostmortemTemplate({ title, now, ...(settings.userName ? { author: settings.userName } : {}) });
  const root = vscode.workspace.workspaceFolders?.[0];
  if (!root) {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    if (args.open !== false) await vscode.window.showTextDocument(doc);
    return doc.uri;
  }
  const folder = vscode.Uri.joinPath(root.uri, ...settings.folder.split(/[\\/]+/).filter(Boolean));
  await vscode.workspace.fs.createDirectory(folder);
  const uri = await freeName(folder, fileNameFor(title, now));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  if (args.open !== false) await vscode.window.showTextDocument(uri, { preview: false });
  return uri;
}

/** `name.md`, else `name-2.md`, `name-3.md`, …: never overwrite an existing post-mortem. */
async function freeName(folder: vscode.Uri, fileName: string): Promise<vscode.Uri> {
  const dot = fileName.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot)] : [fileName, '.md'];
  for (let n = 1; ; n++) {
    const uri = vscode.Uri.joinPath(folder, n === 1 ? `${stem}${ext}` : `${stem}-${n}${ext}`);
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      return uri;
    }
  }
}
