import * as vscode from 'vscode';
import { checkWrite, refused } from '../editing/writeGuard';
import type { LintResult } from '../diagnostics/diagnosticsController';
import { criteriaStatus } from '../../core/review/criteria';
import { approverNote, authorReviewerNote } from '../../core/review/approverNote';
import { parsePostmortem } from '../../core/document/parse';
import { recordVerdict, requestReviewEdits, type RecordResult, type ReviewRequestResult } from '../../core/review/recordEdits';
import { reviewerChoices } from '../../core/review/reviewerChoices';
import type { Verdict } from '../../core/review/approvals';
import { formatIsoUtc } from '../../core/time/zones';
import { editorSettings } from '../config/settings';
import { toTextEdit } from '../convert';
import { appendAll } from '../../core/collections/appendAll';

export interface ReviewCommandResult {
  readonly changed: boolean;
  readonly message?: string;
}

/** What the commands need from the extension; tests pass answers instead of showing pickers. */
export interface ReviewDeps {
  /** Lints the document now (undefined when it is not a post-mortem). */
  lint(doc: vscode.TextDocument): Promise<LintResult | undefined>;
  /** Handles seen in the workspace (action-item owners), offered as reviewers. */
  owners(): readonly string[];
}

/** Arguments the commands accept instead of asking (for keybindings, tests and other extensions). */
export interface ReviewArgs {
  readonly uri?: string;
  readonly reviewers?: readonly string[];
  readonly by?: string;
  readonly note?: string;
  /** Skip the confirmation that lists the review criteria (Approve). */
  readonly confirmed?: boolean;
}

async function targetDocument(args: ReviewArgs | undefined): Promise<vscode.TextDocument | undefined> {
  if (args?.uri) return vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
  return vscode.window.activeTextEditor?.document;
}

async function apply(doc: vscode.TextDocument, result: RecordResult | ReviewRequestResult, done: string, tell = false): Promise<ReviewCommandResult> {
  if (result.kind === 'refused') {
    void vscode.window.showWarningMessage(result.message);
    return { changed: false, message: result.message };
  }
  const check = await checkWrite(doc, result.edits.map((e) => e.newText));
  if (!check.ok) {
    refused(check.message);
    return { changed: false, message: check.message };
  }
  const edit = new vscode.WorkspaceEdit();
  edit.set(doc.uri, result.edits.map(toTextEdit));
  // One undoable edit in the document; the user saves (and commits) it like any other change.
  if (!(await vscode.workspace.applyEdit(edit))) return { changed: false, message: 'VS Code refused the edit (is the file read-only?).' };
  // A change of status is told, not flashed in the status bar for 5 s (trial18b F3).
  if (tell) void vscode.window.showInformationMessage(done);
  else void vscode.window.setStatusBarMessage(done, 5000);
  return { changed: true, message: done };
}

/**
 * *Request Review*: adds reviewers to `reviewers:` (the picker checks those listed already and
 * offers you, the workspace's action-item owners, the authors, or typed handles) and moves a draft
 * to `in-review`, in one undoable edit the user sees in the file and is told about (trial18b F3).
 */
export async function requestReview(deps: ReviewDeps, args?: ReviewArgs): Promise<ReviewCommandResult> {
  const doc = await targetDocument(args);
  if (!doc || !(await deps.lint(doc))) return notPostmortem();
  let names = args?.reviewers;
  const meta = parsePostmortem(doc.getText()).meta;
  if (!names) {
    const typed = 'Someone else…';
    const choices = reviewerChoices(meta, deps.owners(), editorSettings(doc.uri).userName || undefined);
    const picks = await vscode.window.showQuickPick([
      ...choices.map((c) => ({ label: `@${c.handle}`, description: c.why, picked: c.listed, handle: c.handle })),
      { label: typed, description: 'type handles', handle: '' },
    ], {
      title: 'Request Review',
      placeHolder: 'Who should review this post-mortem? (checked: reviewers already listed; unchecking does not remove them)',
      canPickMany: true,
    });
    if (!picks) return { changed: false };
    const chosen = picks.filter((p) => p.handle).map((p) => p.handle);
    if (picks.some((p) => !p.handle)) {
      const more = await vscode.window.showInputBox({ title: 'Request Review', prompt: 'Handles, separated by commas (as after @)', placeHolder: 'dana, lee' });
      if (more) appendAll(chosen, more.split(/[,\s]+/).filter(Boolean));
    }
    names = chosen;
  }
  const request = requestReviewEdits(doc.getText(), names);
  const done = request.kind === 'edits' ? requestedWords(request) : '';
  const result = await apply(doc, request, done, true);
  const authorNote = result.changed && request.kind === 'edits' ? authorReviewerNote(meta, request.added) : undefined;
  if (!authorNote) return result;
  void vscode.window.showWarningMessage(authorNote);
  return { ...result, message: `${result.message} ${authorNote}` };
}

/** What *Request Review* did, in one message: who was added, and what became of the status. */
function requestedWords(r: Extract<ReviewRequestResult, { kind: 'edits' }>): string {
  const at = (names: readonly string[]) => names.map((n) => `@${n}`).join(', ');
  const who = r.added.length ? `Review requested from ${at(r.added)}${r.already.length ? ` (${at(r.already)} already listed)` : ''}.` : `${at(r.already)} already listed.`;
  const status = r.movedFrom
    ? ` Status set to in-review (was ${r.movedFrom}): the checks that start at in-review now run. Undo (Ctrl+Z) reverts this edit.`
    : r.statusNote ? ` Note: ${r.statusNote}.` : '';
  return `${who}${status}`;
}

/**
 * *Approve* / *Request Changes*: records the current user's verdict with the UTC time under
 * `approvals:`. Approve first shows the review criteria and which of them the lint found problems
 * with, so approving is a decision about the criteria, not a click.
 */
export async function recordReviewVerdict(deps: ReviewDeps, verdict: Verdict, args?: ReviewArgs): Promise<ReviewCommandResult> {
  const doc = await targetDocument(args);
  const lint = doc ? await deps.lint(doc) : undefined;
  if (!doc || !lint) return notPostmortem();
  let by = args?.by ?? editorSettings(doc.uri).userName;
  if (!by) {
    by = (await vscode.window.showInputBox({ title: verdict === 'approved' ? 'Approve' : 'Request Changes', prompt: 'Your handle (as after @). Set "postmortem.userName" to skip this question.' }))?.trim() ?? '';
    if (!by) return { changed: false };
  }
  const who = verdict === 'approved' ? approverNote(parsePostmortem(doc.getText()).meta, by) : undefined;
  if (verdict === 'approved' && !args?.confirmed) {
    // The lint's summary (read where the lint ran, the lint thread in the Node host) has the status.
    const status = lint.summary?.status;
    const statuses = criteriaStatus(lint.diagnostics, status);
    const lines = statuses.map((s) => {
      const mark = s.state === 'ok' ? '✔' : s.state === 'problems' ? '✖' : '?';
      const how = s.state === 'problems'
        ? `${s.problems.length} problem${s.problems.length === 1 ? '' : 's'} (${[...new Set(s.problems.map((p) => p.code))].join(', ')})`
        : s.state === 'ok' ? 'checked by the lint'
          : s.state === 'draft' ? 'not checked: the lint checks it from in-review on (set status: in-review)'
            : `your judgement: ${s.criterion.human ?? 'not checked by the lint'}`;
      return `${mark} ${s.criterion.question} — ${how}`;
    });
    const open = statuses.filter((s) => s.state === 'problems').length;
    const question = open ? `Approve this post-mortem? The lint finds problems with ${open} of the review criteria.` : 'Approve this post-mortem?';
    const pick = await (who && !who.counted ? vscode.window.showWarningMessage : vscode.window.showInformationMessage)(
      who ? `${question}\n\n${who.text}` : question,
      { modal: true, detail: lines.join('\n') },
      'Approve',
    );
    if (pick !== 'Approve') return { changed: false };
  }
  const note = args?.note ?? (await vscode.window.showInputBox({
    title: verdict === 'approved' ? 'Approve' : 'Request Changes',
    prompt: verdict === 'approved' ? 'A note for the record (optional)' : 'What should change?',
  }));
  if (note === undefined && verdict === 'changes-requested') return { changed: false };
  const at = formatIsoUtc(Date.now());
  const done = verdict === 'approved' ? `Approved by @${by} at ${at}${who ? `. ${who.text}` : ''}` : `Changes requested by @${by} at ${at}`;
  const result = await apply(doc, recordVerdict(doc.getText(), { by, at, verdict, ...(note ? { note } : {}) }), done);
  // An approval that does not count is not a status-bar flash: the author must see it.
  if (result.changed && who && !who.counted) void vscode.window.showWarningMessage(done);
  return result;
}

function notPostmortem(): ReviewCommandResult {
  const message = 'Open a post-mortem to review (a Markdown file with post-mortem front matter).';
  void vscode.window.showInformationMessage(message);
  return { changed: false, message };
}
