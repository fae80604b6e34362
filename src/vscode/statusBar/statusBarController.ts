import * as vscode from 'vscode';
import { iconSafeLabel, labelText, type PostmortemSummary } from '../../core/api';
import type { Diagnostic } from '../../core/types';
import type { ConfigStore } from '../config/configStore';
import type { LintEvent } from '../diagnostics/diagnosticsController';
import type { Recogniser } from '../recogniserType';
import { approvalWords, deadlineWords, publishBlockers, reviewStatus } from './reviewStatus';
import type { ReviewProgress } from '../../core/rules/review/reviewProgress';
import { editorWriterZone } from '../timeline/writerZone';
import { enumFieldLabel } from './statusText';

const TICK_MS = 60_000;

/**
 * One status-bar item for the active post-mortem: severity, status and the review deadline
 * (resolved_at + reviewDeadlineHours) counting down, or how long it is overdue. Hidden otherwise.
 */
export class StatusBarController implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('postmortem.review', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private readonly timer: ReturnType<typeof setInterval>;
  /** Whether the item is shown (the API has no getter for it). */
  visible = false;

  /**
   * The summary of each open post-mortem from its latest lint (the same reader as the index and the
   * tree, run where the lint runs: on the lint thread in the Node host, so a hostile front matter
   * never holds this thread; it cost as much as the lint).
   */
  // Only the diagnostics the bar can show (publishBlockers), not every diagnostic of every document linted.
  private readonly summaries = new Map<string, { readonly summary: PostmortemSummary; readonly diagnostics: readonly Diagnostic[]; readonly review?: ReviewProgress }>();

  constructor(private readonly isPostmortem: Recogniser, private readonly config: ConfigStore, onDidLint: vscode.Event<LintEvent>) {
    this.item.name = 'Post-mortem review';
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      // After each lint (debounced edits), not on every keystroke.
      onDidLint((e) => {
        if (e.result?.summary) this.summaries.set(e.document.uri.toString(), { summary: e.result.summary, diagnostics: publishBlockers(e.result.diagnostics), ...(e.result.review ? { review: e.result.review } : {}) });
        else if (!e.result) this.summaries.delete(e.document.uri.toString());
        if (e.document === vscode.window.activeTextEditor?.document) this.update();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.summaries.delete(d.uri.toString())),
      config.onDidChange(() => this.update()),
    );
    this.timer = setInterval(() => this.update(), TICK_MS);
    this.update();
  }

  update(now = Date.now()): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !this.isPostmortem(doc)) {
      this.item.hide();
      this.visible = false;
      return;
    }
    const config = this.config.configFor(doc.uri);
    const hours = config.reviewDeadlineHours;
    // Until the document's first lint (a moment after it opens) there is nothing to show yet.
    const linted = this.summaries.get(doc.uri.toString());
    if (!linted) {
      this.item.hide();
      this.visible = false;
      return;
    }
    // The same lint's diagnostics: a published post-mortem is "review done" only when they agree; an
    // in-review one counts its approvals as that lint's review/not-approved will.
    const s = reviewStatus(linted.summary, hours, now, linted.diagnostics, linted.review);
    const severity = enumFieldLabel('severity', s.severity, 'no severity');
    const status = enumFieldLabel('status', s.status, 'no status');
    // The front matter's text: `$(name)` would draw an icon, a bidi override reorder the item.
    const parts = [iconSafeLabel(severity.text), iconSafeLabel(status.text)];
    const approvals = approvalWords(s);
    // Handles are the user's text: no icon, no reordering.
    if (approvals?.text) parts.push(iconSafeLabel(approvals.text));
    const deadline = deadlineWords(s, now, editorWriterZone().zone);
    const overdue = deadline?.warn === true;
    const deadlineText = deadline?.text ?? '';
    if (deadlineText) parts.push(deadlineText);
    // Not read is said where the deadline or the values would be, not left as "no severity" (trial12 T1, T2).
    else if (s.notRead) parts.push(s.notRead.short);
    const warn = overdue || (s.notRead !== undefined && !deadlineText);
    this.item.text = `${warn ? '$(warning)' : '$(checklist)'} ${parts.join(' · ')}`;
    // What a screen reader says: the words on the bar, not the tooltip's Markdown source (trial18b F6).
    this.item.accessibilityInformation = { label: `Post-mortem: ${warn ? 'warning, ' : ''}${parts.join(', ')}`, role: 'button' };
    this.item.backgroundColor = warn ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const md = new vscode.MarkdownString(undefined, true);
    // Severity and status are the user's text: appended escaped, never read as Markdown.
    md.appendMarkdown('**Post-mortem** ');
    md.appendText(labelText(`${s.severity ? `· ${s.severity} ` : ''}· status ${s.status ?? 'not set'}`));
    md.appendMarkdown('\n\n');
    for (const problem of [severity.problem, status.problem]) {
      if (!problem) continue;
      md.appendMarkdown('$(warning) ');
      md.appendText(labelText(problem));
      md.appendMarkdown('\n\n');
    }
    if (s.notRead) {
      md.appendMarkdown('$(warning) ');
      md.appendText(labelText(s.notRead.problem));
      md.appendMarkdown('\n\n');
    }
    if (approvals) md.appendMarkdown(`${approvals.detail}\n\n`);
    if (deadline) md.appendMarkdown(`${deadline.detail}\n\n`);
    else if (!s.notRead) md.appendMarkdown('The review deadline starts when `resolved_at` is set.\n\n');
    md.appendMarkdown('Click to show the action items.');
    this.item.tooltip = md;
    this.item.command = 'postmortem.showActionItems';
    this.item.show();
    this.visible = true;
  }

  dispose(): void {
    clearInterval(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
