import * as vscode from 'vscode';

export type ReadOutcome = { readonly text: string } | { readonly skipped: string };

const decoder = new TextDecoder('utf-8');

/**
 * Reads a file through workspace.fs (works on virtual file systems). An open document's text wins
 * over the disk, so unsaved edits count. Binary and oversized files are skipped with a reason.
 */
export async function readWorkspaceText(uri: vscode.Uri, maxBytes: number): Promise<ReadOutcome> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return { text: open.getText() };
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    return { skipped: `could not be read (${(e as Error).message})` };
  }
  if (bytes.byteLength > maxBytes) return { skipped: `is ${Math.round(bytes.byteLength / 1024)} KB, over the ${Math.round(maxBytes / 1024)} KB limit (setting postmortem.index.maxFileSizeKB)` };
  if (bytes.subarray(0, 8192).includes(0)) return { skipped: 'looks binary (NUL bytes)' };
  return { text: decoder.decode(bytes) };
}
