import * as vscode from 'vscode';

let lastMarkdown: vscode.Uri | undefined;

/**
 * Remembers the Markdown editor used last, for commands run while something else has the focus:
 * the Get Started walkthrough (its "Insert Timeline Entry" and "Insert Fishbone Diagram" buttons),
 * a webview, the sidebar.
 */
export function trackMarkdownEditors(): vscode.Disposable {
  const remember = (editor: vscode.TextEditor | undefined) => {
    if (editor?.document.languageId === 'markdown') lastMarkdown = editor.document.uri;
  };
  remember(vscode.window.activeTextEditor);
  return vscode.window.onDidChangeActiveTextEditor(remember);
}

export interface MarkdownTarget {
  readonly editor: vscode.TextEditor;
  /** False when the editor was not the focused one: its cursor was not put there for this command. */
  readonly cursorChosen: boolean;
}

/**
 * The Markdown editor a command acts on: the active one; else (a walkthrough or webview has the
 * focus) the Markdown document used last, or the only Markdown editor on screen, brought to the
 * front. Undefined when there is none: the caller says what to open.
 */
export async function markdownEditorForCommand(): Promise<MarkdownTarget | undefined> {
  const active = vscode.window.activeTextEditor;
  if (active?.document.languageId === 'markdown') return { editor: active, cursorChosen: true };
  const open = (uri: vscode.Uri | undefined) => uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !d.isClosed);
  const visible = vscode.window.visibleTextEditors.filter((e) => e.document.languageId === 'markdown');
  const doc = open(lastMarkdown) ?? (visible.length === 1 ? visible[0]!.document : undefined);
  if (!doc) return undefined;
  const column = vscode.window.visibleTextEditors.find((e) => e.document === doc)?.viewColumn;
  const editor = await vscode.window.showTextDocument(doc, { ...(column ? { viewColumn: column } : {}), preview: false });
  return { editor, cursorChosen: false };
}
