import * as vscode from 'vscode';
import { readFrontMatter } from '../../core/document/frontMatter';
import { LineIndex } from '../../core/text/lineIndex';
import { formatIsoUtc } from '../../core/time/zones';
import type { ConfigStore } from '../config/configStore';
import type { LintEvent } from '../diagnostics/diagnosticsController';
import type { Recogniser } from '../recogniserType';
import { formatDuration, reviewStatus } from './reviewStatus';
import { enumFieldLabel } from './statusText';
import { frontMatterZone } from '../../core/frontMatter/values';

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

  /** What the last lint of each open post-mortem read: the front matter, and the zone it resolved. */
  private readonly linted = new Map<string, { readonly meta: Record<string, unknown>; readonly timezone: string }>();

  constructor(private readonly isPostmortem: Recogniser, private readonly config: ConfigStore, onDidLint: vscode.Event<LintEvent>) {
    this.item.name = 'Post-mortem review';
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      onDidLint((e) => {
        const key = e.document.uri.toString();
        if (e.result) this.linted.set(key, { meta: e.result.doc.meta, timezone: e.result.doc.timezone });
        else this.linted.delete(key);
        if (e.document === vscode.window.activeTextEditor?.document) this.update();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.linted.delete(d.uri.toString())),
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
    const { meta, timezone } = this.linted.get(doc.uri.toString()) ?? this.readHead(doc);
    const hours = this.config.configFor(doc.uri).reviewDeadlineHours;
    const s = reviewStatus(meta, timezone, hours);
    const severity = enumFieldLabel('severity', s.severity, 'no severity');
    const status = enumFieldLabel('status', s.status, 'no status');
    const parts = [severity.text, status.text];
    let overdue = false;
    let deadlineText = '';
    if (s.published) deadlineText = 'review done';
    else if (s.deadline !== undefined) {
      const left = s.deadline - now;
      overdue = left < 0;
      deadlineText = overdue ? `review overdue ${formatDuration(left)}` : `review due in ${formatDuration(left)}`;
    }
    if (deadlineText) parts.push(deadlineText);
    this.item.text = `${overdue ? '$(warning)' : '$(checklist)'} ${parts.join(' · ')}`;
    this.item.backgroundColor = overdue ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const md = new vscode.MarkdownString(undefined, true);
    // Severity and status are the user's text: appended escaped, never read as Markdown.
    md.appendMarkdown('**Post-mortem** ');
    md.appendText(`${s.severity ? `· ${s.severity} ` : ''}· status ${s.status ?? 'not set'}`);
    md.appendMarkdown('\n\n');
    for (const problem of [severity.problem, status.problem]) {
      if (!problem) continue;
      md.appendMarkdown('$(warning) ');
      md.appendText(problem);
      md.appendMarkdown('\n\n');
    }
    if (s.published) md.appendMarkdown('Published: the review is complete.\n\n');
    else if (s.deadline !== undefined) {
      md.appendMarkdown(`Review deadline: ${formatIsoUtc(s.deadline)} (${hours} h after \`resolved_at\`) — ${overdue ? `**overdue by ${formatDuration(s.deadline - now)}**` : `${formatDuration(s.deadline - now)} left`}\n\n`);
    } else md.appendMarkdown('The review deadline starts when `resolved_at` is set.\n\n');
    md.appendMarkdown('Click to show the action items.');
    this.item.tooltip = md;
    this.item.command = 'postmortem.showActionItems';
    this.item.show();
    this.visible = true;
  }

  /**
   * Before the document's first lint (the lint publishes its reading, see the constructor): the
   * front matter of its head, with the zone resolved as the lint resolves it.
   */
  private readHead(doc: vscode.TextDocument): { meta: Record<string, unknown>; timezone: string } {
    const meta = readFrontMatter(new LineIndex(doc.getText(new vscode.Range(0, 0, Math.min(doc.lineCount, 400), 0))))?.data ?? {};
    return { meta, timezone: frontMatterZone(meta) };
  }

  dispose(): void {
    clearInterval(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
