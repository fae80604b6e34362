import * as vscode from 'vscode';
import type { Indexer } from '../index/indexer';
import { indexStateSentence } from '../index/indexState';

export interface CommandOutcome {
  /** What the command said when it ended (tests read it; the person saw it). */
  readonly message: string;
  readonly ok: boolean;
}

/**
 * Re-read All Post-mortems (both views' menus): forgets the index, reads every file again, and
 * always ends with a message: how many post-mortems were read (and how many not), or why the
 * workspace could not be listed. Before, a search that never answered left it silent (trial14b F6).
 */
export async function reReadAll(indexer: Indexer): Promise<CommandOutcome> {
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Re-reading post-mortems' }, () => indexer.rebuild());
  const problem = indexStateSentence(indexer.state);
  if (problem) {
    void vscode.window.showWarningMessage(`Re-read All Post-mortems: ${problem}`);
    return { message: problem, ok: false };
  }
  const read = indexer.index.size;
  const notRead = indexer.skipped.size;
  const message = `Re-read ${read} post-mortem${read === 1 ? '' : 's'} in the workspace${notRead ? `; ${notRead} could not be read (listed under "Not read" and in Problems)` : ''}.`;
  if (notRead) void vscode.window.showWarningMessage(message);
  else void vscode.window.showInformationMessage(message);
  return { message, ok: true };
}
