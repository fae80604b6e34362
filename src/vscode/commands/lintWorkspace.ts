import * as vscode from 'vscode';
import type { DiagnosticsController } from '../diagnostics/diagnosticsController';
import type { Indexer } from '../index/indexer';
import { indexStateSentence } from '../index/indexState';
import { readWorkspaceText } from '../index/readText';
import { editorSettings } from '../config/settings';

export interface LintWorkspaceOutcome {
  readonly files: number;
  readonly problems: number;
  /** Post-mortems the index could not read, plus those that could not be read again for the lint. */
  readonly notRead: number;
  /** What the notification said: every run ends with one (trial14b F6: it ended silently). */
  readonly message: string;
  /** False when the workspace's post-mortems are not known (the file search silent or failed). */
  readonly ran: boolean;
}

/**
 * Lints every indexed post-mortem so the Problems panel lists them all, and says what it did: how
 * many files, how many problems, and how many were not checked (not read by the index, already in
 * Problems with the reason, or unreadable now). When the index could not list the workspace, it
 * lints nothing and says why, so an empty Problems panel is never taken for a clean workspace.
 */
export async function lintWorkspace(indexer: Indexer, diagnostics: DiagnosticsController): Promise<LintWorkspaceOutcome> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Linting post-mortems' }, async () => {
    await indexer.ready();
    const unknown = indexStateSentence(indexer.state);
    if (unknown) {
      const message = `Lint All Post-mortems did not run: ${unknown}`;
      void vscode.window.showWarningMessage(message);
      return { files: 0, problems: 0, notRead: 0, message, ran: false };
    }
    const uris = [...indexer.index.entries()].map(([uri]) => vscode.Uri.parse(uri));
    let problems = 0;
    const unreadNow: string[] = [];
    for (const uri of uris) {
      const outcome = await readWorkspaceText(uri, editorSettings().maxFileSizeBytes);
      if ('text' in outcome) problems += await diagnostics.publishFor(uri, outcome.text);
      else unreadNow.push(`${vscode.workspace.asRelativePath(uri)} (${outcome.skipped})`);
    }
    void vscode.commands.executeCommand('workbench.actions.view.problems');
    const linted = uris.length - unreadNow.length;
    const notRead = indexer.skipped.size + unreadNow.length;
    const message = lintSummary(linted, problems, indexer.skipped.size, unreadNow);
    if (notRead) void vscode.window.showWarningMessage(message);
    else void vscode.window.showInformationMessage(message);
    return { files: linted, problems, notRead, message, ran: true };
  });
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "Linted 12 post-mortems: 31 problems (in Problems); 2 could not be read and were not checked (…)." */
function lintSummary(linted: number, problems: number, notIndexed: number, unreadNow: readonly string[]): string {
  if (linted === 0 && notIndexed === 0 && unreadNow.length === 0) {
    return 'No post-mortems in this workspace to lint. A Markdown file is a post-mortem when it sits in a postmortems folder, ends in .postmortem.md, or says type: postmortem in its front matter (setting postmortem.globs).';
  }
  const parts = [`Linted ${plural(linted, 'post-mortem')}: ${plural(problems, 'problem')}${problems ? ' (listed in Problems)' : ''}`];
  if (notIndexed) parts.push(`${notIndexed} could not be read and ${notIndexed === 1 ? 'was' : 'were'} not checked (each is listed in Problems with the reason)`);
  if (unreadNow.length) parts.push(`${unreadNow.length} could not be read again and ${unreadNow.length === 1 ? 'was' : 'were'} not checked: ${unreadNow.slice(0, 3).join(', ')}${unreadNow.length > 3 ? ', …' : ''}`);
  return `${parts.join('; ')}.`;
}
