import * as vscode from 'vscode';
import { isPostmortem } from '../core/document/recognise';

/** The file name a URI ends in (`2026-11-20-checkout.md`), as shown in titles and messages. */
export function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** Path used for glob matching: relative to its workspace folder, `/`-separated. */
export function relativePath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}

/**
 * Schemes whose documents are files a post-mortem can live in: the disk, a remote or virtual
 * workspace (vscode.dev's `vscode-vfs`, a browser workbench's `vscode-remote`), and whatever scheme
 * a workspace folder has. Anything else (the import preview's `postmortem-preview:` "after" text,
 * git's and the SCM's old versions, output panels, chat blocks) is a view of some text, not a file
 * of the workspace: it is never linted, indexed, counted or offered the post-mortem commands.
 */
const FILE_SCHEMES = new Set(['file', 'vscode-remote', 'vscode-vfs']);

/** A file of the workspace (see FILE_SCHEMES); untitled documents are not. */
export function isWorkspaceFileUri(uri: vscode.Uri): boolean {
  return FILE_SCHEMES.has(uri.scheme) || (vscode.workspace.workspaceFolders ?? []).some((f) => f.uri.scheme === uri.scheme);
}

/** A document the editor lints and recognises as a post-mortem: a workspace file or an untitled one. */
export function isLintedUri(uri: vscode.Uri): boolean {
  return uri.scheme === 'untitled' || isWorkspaceFileUri(uri);
}

/**
 * Why a command does not act on `uri`'s document, or undefined when it may (a workspace file or an
 * untitled document): in words, naming the scheme (`postmortem-preview:`, `git:`), for the messages.
 */
export function notAFileReason(uri: vscode.Uri): string | undefined {
  if (isLintedUri(uri)) return undefined;
  const what = uri.scheme === 'postmortem-preview' ? 'the import preview' : uri.scheme === 'git' ? 'an old version from git' : 'a view of a text';
  return `${baseName(uri)} is ${what} (\`${uri.scheme}:\`), not a file of the workspace`;
}

export function isMarkdownUri(uri: vscode.Uri): boolean {
  return /\.(md|markdown)$/i.test(uri.path);
}

/** A document is a post-mortem by path (globs) or by `type: postmortem` in its front matter. */
export function isPostmortemDocument(doc: vscode.TextDocument, globs: readonly string[]): boolean {
  if (doc.languageId !== 'markdown' || !isLintedUri(doc.uri)) return false;
  if (doc.uri.scheme === 'untitled') return isPostmortem('untitled.md', doc.getText(), []);
  // Only the head of the file is needed for the `type:` check, and the path check needs no text.
  const head = doc.getText(new vscode.Range(0, 0, Math.min(doc.lineCount, 80), 0));
  return isPostmortem(relativePath(doc.uri), head, globs);
}
