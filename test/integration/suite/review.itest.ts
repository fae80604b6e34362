import * as vscode from 'vscode';
import { equal, ok } from '../../vscode-harness/in-host/assert';
import { closeAll, codeOf, ours, waitForDiagnostics, workspaceUri } from './helpers';
import { publishedPostmortem } from '../../shared/publishedPostmortem';

const TEXT = publishedPostmortem('PM-2026-201', 'Review record check');

suite('Review workflow (approvals in the front matter)', () => {
  const uri = workspaceUri('postmortems', 'review-record.md');
  suiteSetup(async () => {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(TEXT));
  });
  suiteTeardown(async () => {
    await closeAll();
    await vscode.workspace.fs.delete(uri);
  });

  test('published without approval → review/not-approved; Request Changes then Approve write the record; the diagnostic goes', async () => {
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const before = await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'review/not-approved'), 'review/not-approved');
    const d = before.find((x) => codeOf(x) === 'review/not-approved')!;
    equal(d.range.start.line, 4, 'on the status line');
    equal(d.message, 'Expected at least 1 approval under `approvals:` before publishing; found none');

    const asked = await vscode.commands.executeCommand<{ changed: boolean }>('postmortem.requestReview', { reviewers: ['lee'] });
    ok(asked.changed, 'reviewers written');
    const changes = await vscode.commands.executeCommand<{ changed: boolean }>('postmortem.requestChanges', { by: 'lee', note: 'Quantify the impact' });
    ok(changes.changed, 'changes requested');
    const still = await waitForDiagnostics(uri, (ds) => ds.some((x) => codeOf(x) === 'review/not-approved' && x.message.includes('changes requested by @lee')), 'the request named');
    ok(still.length > 0);
    const approved = await vscode.commands.executeCommand<{ changed: boolean }>('postmortem.approve', { by: 'lee', note: '', confirmed: true });
    ok(approved.changed, 'approved');
    await waitForDiagnostics(uri, (ds) => !ds.some((x) => codeOf(x) === 'review/not-approved'), 'the diagnostic to go');
    const text = doc.getText();
    ok(/reviewers:\n {2}- lee\napprovals:\n {2}- by: lee\n {4}at: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n {4}verdict: changes-requested\n {4}note: Quantify the impact\n {2}- by: lee\n {4}at: \S+Z\n {4}verdict: approved\n---/.test(text), text.slice(0, 700));
    ok(!ours(uri).some((x) => codeOf(x).startsWith('schema/')), 'the record passes the schema');
    // One undo removes the last verdict only.
    await vscode.commands.executeCommand('undo');
    ok(!doc.getText().includes('verdict: approved'), 'undo takes the approval back');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  // trial13b F8: jonas (an author) approved his own post-mortem, Approve said nothing, and the gate passed.
  test('an author\'s own approval is recorded but not counted: Approve says so, the diagnostic stays and names the reviewers', async () => {
    const own = workspaceUri('postmortems', 'review-own.md');
    await vscode.workspace.fs.writeFile(own, new TextEncoder().encode(publishedPostmortem('PM-2026-202', 'Own approval check', 'authors: [jonas]\nreviewers: [dana, lena]\n')));
    try {
      const doc = await vscode.workspace.openTextDocument(own);
      await vscode.window.showTextDocument(doc);
      await waitForDiagnostics(own, (ds) => ds.some((d) => codeOf(d) === 'review/not-approved'), 'review/not-approved');
      const approved = await vscode.commands.executeCommand<{ changed: boolean; message?: string }>('postmortem.approve', { by: 'jonas', note: '', confirmed: true });
      ok(approved.changed, 'the approval is written');
      ok(approved.message?.includes('You (@jonas) are an author of this post-mortem (`authors`): your approval is recorded but not counted toward the approvals publishing needs (review/not-approved); ask @dana, @lena.'), approved.message);
      const after = await waitForDiagnostics(own, (ds) => ds.some((d) => codeOf(d) === 'review/not-approved' && d.message.includes('not counted: @jonas\'s approval given by an author')), 'the author\'s approval named as not counted');
      const d = after.find((x) => codeOf(x) === 'review/not-approved')!;
      ok(d.message.endsWith('; no approval yet from the requested reviewers @dana, @lena'), d.message);
      const byDana = await vscode.commands.executeCommand<{ changed: boolean; message?: string }>('postmortem.approve', { by: 'dana', note: '', confirmed: true });
      ok(byDana.changed && !byDana.message?.includes('not counted'), byDana.message);
      await waitForDiagnostics(own, (ds) => !ds.some((x) => codeOf(x) === 'review/not-approved'), 'dana\'s approval counts');
      await vscode.commands.executeCommand('workbench.action.files.revert');
    } finally {
      await closeAll();
      await vscode.workspace.fs.delete(own);
    }
  });
  // trial14b F8: Request Review wrote `reviewers: [lena, oliver]` for the author oliver without a word.
  test('Request Review naming an author says at once that an author\'s approval does not count', async () => {
    const own = workspaceUri('postmortems', 'review-ask-author.md');
    await vscode.workspace.fs.writeFile(own, new TextEncoder().encode(publishedPostmortem('PM-2026-203', 'Ask the author check', 'authors: [oliver]\n')));
    try {
      const doc = await vscode.workspace.openTextDocument(own);
      await vscode.window.showTextDocument(doc);
      const asked = await vscode.commands.executeCommand<{ changed: boolean; message?: string }>('postmortem.requestReview', { reviewers: ['lena', 'Oliver'] });
      ok(asked.changed, 'the reviewers are written (the user asked for them)');
      equal(asked.message, 'Review requested from @lena, @Oliver. Note: status stays published. @Oliver is an author of this post-mortem (`authors`): their approval is recorded but not counted toward publishing (review/not-approved); ask someone who did not write it too.');
      ok(/reviewers:\n {2}- lena\n {2}- Oliver\n/.test(doc.getText()), doc.getText().slice(0, 400));
      await vscode.commands.executeCommand('workbench.action.files.revert');
      const other = await vscode.commands.executeCommand<{ changed: boolean; message?: string }>('postmortem.requestReview', { reviewers: ['lena'] });
      equal(other.message, 'Review requested from @lena. Note: status stays published.', 'nothing to say when no author is asked');
      await vscode.commands.executeCommand('workbench.action.files.revert');
    } finally {
      await closeAll();
      await vscode.workspace.fs.delete(own);
    }
  });

  // trial18b F3: on a draft, Request Review only appended a name (a 5 s status-bar flash); the status
  // stayed draft, so the in-review checks stayed off and Approve said "not checked".
  test('Request Review on a draft: adds the reviewer and sets status: in-review in one edit, says so, and one Undo reverts both', async () => {
    const draft = workspaceUri('postmortems', 'review-draft.md');
    const text = publishedPostmortem('PM-2026-204', 'Draft asks for review', 'reviewers: [lee, sam]\n').replace('status: published', 'status: draft');
    await vscode.workspace.fs.writeFile(draft, new TextEncoder().encode(text));
    try {
      const doc = await vscode.workspace.openTextDocument(draft);
      await vscode.window.showTextDocument(doc);
      const asked = await vscode.commands.executeCommand<{ changed: boolean; message?: string }>('postmortem.requestReview', { reviewers: ['dana'] });
      ok(asked.changed, asked.message);
      equal(asked.message, 'Review requested from @dana. Status set to in-review (was draft): the checks that start at in-review now run. Undo (Ctrl+Z) reverts this edit.');
      ok(doc.getText().includes('\nstatus: in-review\n') && doc.getText().includes('reviewers: [lee, sam, dana]'), doc.getText().slice(0, 400));
      // The in-review checks now run (the lint reads the new status).
      await waitForDiagnostics(draft, (ds) => ds.some((d) => codeOf(d) === 'sections/missing' && d.message.includes('"## Impact" section (required once status is in-review)')), 'the in-review checks');
      await vscode.commands.executeCommand('undo');
      equal(doc.getText(), text, 'one undo reverts the reviewer and the status');
      // Naming only a reviewer already listed still starts the review.
      const again = await vscode.commands.executeCommand<{ changed: boolean; message?: string }>('postmortem.requestReview', { reviewers: ['lee'] });
      equal(again.message, '@lee already listed. Status set to in-review (was draft): the checks that start at in-review now run. Undo (Ctrl+Z) reverts this edit.');
      const twice = await vscode.commands.executeCommand<{ changed: boolean; message?: string }>('postmortem.requestReview', { reviewers: ['lee'] });
      equal(twice.changed, false);
      equal(twice.message, 'Everyone named is already a reviewer (@lee), and the status is in-review already.');
      await vscode.commands.executeCommand('workbench.action.files.revert');
    } finally {
      await closeAll();
      await vscode.workspace.fs.delete(draft);
    }
  });
});
