import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

/** The "Post-mortem" Output channel: where skipped files and timings go instead of popups. */
export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Post-mortem', { log: true });
  return channel;
}

export function disposeLog(): void {
  channel?.dispose();
  channel = undefined;
}
