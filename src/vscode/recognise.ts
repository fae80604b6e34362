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

export function isMarkdownUri(uri: vscode.Uri): boolean {
  return /\.(md|markdown)$/i.test(uri.path);
}

/** A document is a post-mortem by path (globs) or by `type: postmortem` in its front matter. */
export function isPostmortemDocument(doc: vscode.TextDocument, globs: readonly string[]): boolean {
  if (doc.languageId !== 'markdown') return false;
  if (doc.uri.scheme === 'untitled') return isPostmortem('untitled.md', doc.getText(), []);
  // Only the head of the file is needed for the `type:` check, and the path check needs no text.
  const head = doc.getText(new vscode.Range(0, 0, Math.min(doc.lineCount, 80), 0));
  return isPostmortem(relativePath(doc.uri), head, globs);
}
