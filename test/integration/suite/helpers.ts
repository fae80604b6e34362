import * as vscode from 'vscode';
import type { PostmortemApi } from '../../../src/vscode/extension';
import { equal } from '../../vscode-harness/in-host/assert';

export const EXTENSION_ID = 'postmortem-tools.postmortem';

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The integration suite needs the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export async function api(): Promise<PostmortemApi> {
  const ext = vscode.extensions.getExtension<PostmortemApi>(EXTENSION_ID);
  if (!ext) throw new Error(`Extension ${EXTENSION_ID} is not loaded`);
  const result = await ext.activate();
  await result.ready();
  // VS Code cancels a code-action request while the set of code-action providers changes (the
  // request fails "Canceled", or comes back empty), and the built-in Markdown extension registers
  // its providers when its language server has started, seconds after the first Markdown file
  // opened. Started here, before any test asks for code actions.
  await vscode.extensions.getExtension('vscode.markdown-language-features')?.activate();
  return result;
}

export async function open(...segments: string[]): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(...segments));
  return vscode.window.showTextDocument(doc, { preview: false });
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'postmortem');
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Resolves when `check` passes, re-checking on every event of `event`; rejects after `ms` with `what`. */
export function waitFor<T>(event: vscode.Event<unknown>, check: () => T | undefined | false, what: string, ms = 20_000, state?: () => string): Promise<T> {
  return new Promise((resolve, reject) => {
    const first = check();
    if (first) return resolve(first);
    let subscription: vscode.Disposable | undefined = undefined;
    const timer = setTimeout(() => {
      subscription?.dispose();
      reject(new Error(`Timed out after ${ms} ms waiting for ${what}${state ? `; found: ${state()}` : ''}`));
    }, ms);
    subscription = event(() => {
      const value = check();
      if (value) {
        clearTimeout(timer);
        subscription?.dispose();
        resolve(value);
      }
    });
  });
}

/** Resolves with the next event value that satisfies `match` (e.g. a message a panel posts to its webview). */
export function nextEvent<E, T extends E = E>(event: vscode.Event<E>, match: ((e: E) => e is T) | ((e: E) => boolean), what: string, ms = 20_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`Timed out after ${ms} ms waiting for ${what}`));
    }, ms);
    const sub = event((e) => {
      if (!match(e)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(e as T);
    });
  });
}

/** Waits until our diagnostics of `uri` satisfy `check`. */
export function waitForDiagnostics(uri: vscode.Uri, check: (ds: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  return waitFor(vscode.languages.onDidChangeDiagnostics, () => {
    const ds = ours(uri);
    return check(ds) ? ds : undefined;
  }, what, 20_000, () => ours(uri).map((d) => `${codeOf(d)} at ${d.range.start.line + 1}:${d.range.start.character + 1}`).join(', ') || 'no diagnostics');
}

/** Reads a file from disk (not the editor's buffer). */
export async function readDisk(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** Throws away unsaved edits (so no save prompt can block) and closes every editor. */
export async function closeAll(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (!doc.isDirty || doc.isClosed) continue;
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export function rangeText(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/**
 * An untitled Markdown document of its own name holding `content`, shown (not as a preview). An
 * anonymous one (`openTextDocument({ content })`) is named "Untitled-1" again, and the workbench may
 * hand back an earlier test's reverted buffer of that name instead of the new text (the zone run's
 * snippet test read the previous test's document: no `pm-` line, no completions).
 */
export async function openUntitled(name: string, content: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'untitled', path: `${name}-${Date.now()}.md` }));
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  if (content) await editor.edit((b) => b.insert(new vscode.Position(0, 0), content));
  equal(doc.getText(), content, `${name}: the new document holds exactly its text`);
  return editor;
}
