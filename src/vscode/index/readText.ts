import * as vscode from 'vscode';
import { indexReading, type NotRead } from './notRead';

/** Read text, or why not; a skipped file's `head` (its start, before any NUL) says whether it is a post-mortem. */
export type ReadOutcome = { readonly text: string } | { readonly skipped: string; readonly notRead: NotRead; readonly head?: string };

/**
 * Reads a file through workspace.fs (works on virtual file systems). An open document's text wins
 * over the disk, so unsaved edits count. Files holding NUL bytes and oversized files are skipped
 * with a reason the views show; lone CRs are read as line breaks and UTF-16 by its
 * byte-order mark or its NUL bytes, as the editor shows them and lint reads them (indexReading).
 */
export async function readWorkspaceText(uri: vscode.Uri, maxBytes: number): Promise<ReadOutcome> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return { text: open.getText() };
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    const reason = `could not be read (${(e as Error).message})`;
    return { skipped: reason, notRead: { kind: 'unreadable', reason } };
  }
  const reading = indexReading(bytes, maxBytes);
  if ('text' in reading) return reading;
  return { skipped: reading.notRead.reason, notRead: reading.notRead, ...(reading.head !== undefined ? { head: reading.head } : {}) };
}
