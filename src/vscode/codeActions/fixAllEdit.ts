import * as vscode from 'vscode';
import { minimalReplacement } from './minimalEdit';
import type { FixAllNone } from './fixAllWords';

/** The core's fixAll on a document's text (on the lint thread where there is one); undefined when it did not finish. */
export type RunFixAll = (doc: vscode.TextDocument, text: string) => Promise<{ text: string; fixed: Readonly<Record<string, number>>; notes?: readonly string[] } | undefined>;

/**
 * The edit that applies every preferred fix of the document (else why there is none: nothing to
 * fix, the fixes did not finish, or the document changed while they ran), how many were fixed, and
 * the notes of the fixes applied ("timeline/not-utc: converted assuming 00:20 on line 38 is the next
 * day…"), which the editor must say as `lint --fix` prints them (trial12 T8).
 */
export async function fixAllEdit(doc: vscode.TextDocument, run: RunFixAll): Promise<{ edit: vscode.WorkspaceEdit; count: number; notes: readonly string[] } | { none: Exclude<FixAllNone, 'no-editor'> }> {
  const before = doc.getText();
  const version = doc.version;
  const result = await run(doc, before);
  if (doc.version !== version) return { none: 'changed' };
  if (!result) return { none: 'unfinished' };
  const change = minimalReplacement(before, result.text);
  if (!change) return { none: 'nothing' };
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(change.start), doc.positionAt(change.end)), change.newText);
  const count = Object.values(result.fixed).reduce((a, b) => a + b, 0);
  return { edit, count, notes: result.notes ?? [] };
}
