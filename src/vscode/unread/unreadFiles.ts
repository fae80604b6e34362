import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../convert';
import type { Indexer } from '../index/indexer';
import type { NotRead } from '../index/notRead';
import { unreadDiagnostic, unreadSentence } from './unreadText';

export { unreadSentence } from './unreadText';

/** A post-mortem the index could not read, as the views list it. */
export interface UnreadFile {
  readonly uri: string;
  /** Workspace-relative path. */
  readonly path: string;
  readonly notRead: NotRead;
}

/** The index's unread post-mortems, by path (the same order in every view). */
export function unreadFiles(indexer: Indexer): UnreadFile[] {
  return [...indexer.skipped]
    .map(([uri, notRead]) => ({ uri, path: vscode.workspace.asRelativePath(vscode.Uri.parse(uri)), notRead }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The "Not read" group row heading both trees: how many files, and what that costs the view below. */
export function unreadGroupItem(count: number, missing: string, id: string): vscode.TreeItem {
  const item = new vscode.TreeItem('Not read', vscode.TreeItemCollapsibleState.Expanded);
  item.id = id;
  item.description = `${count} post-mortem${count === 1 ? '' : 's'}: ${missing}`;
  item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  item.tooltip = `${unreadSentence(count)} Each is listed in Problems with the reason.`;
  item.contextValue = 'unreadGroup';
  return item;
}

/** One unread file: its path and why ("contains NUL at line 12"); clicking shows it in the Explorer. */
export function unreadItem(file: UnreadFile, id: string, missing: string): vscode.TreeItem {
  const item = new vscode.TreeItem(file.path.slice(file.path.lastIndexOf('/') + 1), vscode.TreeItemCollapsibleState.None);
  item.id = id;
  item.description = `not read: ${file.notRead.reason}`;
  item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  const md = new vscode.MarkdownString(undefined, false);
  md.appendMarkdown('**Not read** · ').appendText(file.path);
  md.appendMarkdown('\n\n').appendText(`${unreadDiagnostic(file.notRead).message} ${missing}`);
  item.tooltip = md;
  item.contextValue = 'unreadFile';
  // A NUL-byte file opens as "binary": the Explorer shows where it is, without that page.
  item.command = { command: 'revealInExplorer', title: 'Reveal in Explorer', arguments: [vscode.Uri.parse(file.uri)] };
  return item;
}

/**
 * One problem per unread post-mortem, in Problems whether or not the file is open (the CLI reports
 * the same files: `file/nul`, a skip line). An open file is read from its editor, so it is never
 * here; a too-large file opened in the editor gets the lint's own "Not checked" instead.
 */
export class UnreadDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(`${DIAGNOSTIC_SOURCE}.notRead`);
  private readonly subscription: vscode.Disposable;
  /** What was published last: most index changes (a keystroke's summary) leave the unread files as they were. */
  private published = '';

  constructor(private readonly indexer: Indexer) {
    this.subscription = indexer.onDidChange(() => this.publish());
    this.publish();
  }

  publish(): void {
    const key = JSON.stringify([...this.indexer.skipped]);
    if (key === this.published) return;
    this.published = key;
    const entries: [vscode.Uri, vscode.Diagnostic[]][] = unreadFiles(this.indexer).map((file) => {
      const d = unreadDiagnostic(file.notRead);
      const at = new vscode.Position(d.line, d.character);
      const diagnostic = new vscode.Diagnostic(new vscode.Range(at, at), d.message, d.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = d.code;
      return [vscode.Uri.parse(file.uri), [diagnostic]];
    });
    this.collection.clear();
    this.collection.set(entries);
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}
