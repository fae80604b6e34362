import * as vscode from 'vscode';
import { isLintedUri, notAFileReason } from '../recognise';

let lastMarkdown: vscode.Uri | undefined;

/** A Markdown document a command may act on: a workspace file or an untitled one (the linter's gate), never a view. */
function isTarget(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'markdown' && isLintedUri(doc.uri);
}

/**
 * Remembers the Markdown editor used last, for commands run while something else has the focus:
 * the Get Started walkthrough (its "Insert Timeline Entry" and "Insert Fishbone Diagram" buttons),
 * a webview, the sidebar. Only files and untitled documents: the import preview's "after" text or a
 * git version that had the focus last is not what such a command should write to.
 */
export function trackMarkdownEditors(): vscode.Disposable {
  const remember = (editor: vscode.TextEditor | undefined) => {
    if (editor && isTarget(editor.document)) lastMarkdown = editor.document.uri;
  };
  remember(vscode.window.activeTextEditor);
  return vscode.window.onDidChangeActiveTextEditor(remember);
}

export interface MarkdownTarget {
  readonly editor: vscode.TextEditor;
  /** False when the editor was not the focused one: its cursor was not put there for this command. */
  readonly cursorChosen: boolean;
}

/** The focused Markdown editor shows no file of the workspace (the import preview, a git version): said, nothing done. */
export interface MarkdownRefusal {
  readonly refusal: string;
}

/**
 * The Markdown editor a command acts on: the active one; else (a walkthrough or webview has the
 * focus) the Markdown document used last, or the only Markdown editor on screen, brought to the
 * front. Only workspace files and untitled documents, as the linter: an active editor showing a
 * view (`postmortem-preview:`, `git:`) is refused with the reason, never passed over for another
 * file the user is not looking at. Undefined when there is none: the caller says what to open.
 */
export async function markdownEditorForCommand(): Promise<MarkdownTarget | MarkdownRefusal | undefined> {
  const active = vscode.window.activeTextEditor;
  if (active?.document.languageId === 'markdown') {
    const view = notAFileReason(active.document.uri);
    return view ? { refusal: `${view}: open the post-mortem itself, then run the command again.` } : { editor: active, cursorChosen: true };
  }
  const open = (uri: vscode.Uri | undefined) => uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !d.isClosed && isTarget(d));
  const visible = vscode.window.visibleTextEditors.filter((e) => isTarget(e.document));
  const doc = open(lastMarkdown) ?? (visible.length === 1 ? visible[0]!.document : undefined);
  if (!doc) return undefined;
  const column = vscode.window.visibleTextEditors.find((e) => e.document === doc)?.viewColumn;
  const editor = await vscode.window.showTextDocument(doc, { ...(column ? { viewColumn: column } : {}), preview: false });
  return { editor, cursorChosen: false };
}
