import * as vscode from 'vscode';
import type { ActionItemsNode } from '../../../src/vscode/tree/actionItemsProvider';
import { deepEqual, equal, ok } from '../../vscode-harness/in-host/assert';
import { api, closeAll, nextEvent, open, openUntitled, waitFor, workspaceUri } from './helpers';

type Api = Awaited<ReturnType<typeof api>>;

const DNS_TITLE = 'Internal DNS resolution failures';
const HOUR_MS = 3_600_000;

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : item.label?.label ?? '';
}

/** The item labels under one group of the tree, as a user reads them. */
async function groupLabels(a: Api, group: string): Promise<string[] | undefined> {
  const p = a.actionItems.provider;
  for (const node of await p.getChildren()) {
    if (labelOf(p.getTreeItem(node)) !== group) continue;
    return (await p.getChildren(node)).map((c) => labelOf(p.getTreeItem(c)));
  }
  return undefined;
}

async function findItem(a: Api, text: string): Promise<ActionItemsNode | undefined> {
  const p = a.actionItems.provider;
  for (const group of await p.getChildren()) for (const child of await p.getChildren(group)) if (labelOf(p.getTreeItem(child)).includes(text)) return child;
  return undefined;
}

/** `2026-11-27T06:15:00Z`: whole seconds, as people write `resolved_at`. */
function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

suite('Action-items view and status bar: unsaved edits, countdown, focus, tickets', () => {
  let a: Api;
  suiteSetup(async () => {
    a = await api();
    await closeAll();
    a.actionItems.setGroupBy('postmortem');
  });
  suiteTeardown(async () => {
    await closeAll();
    // Leave the side bar as the other suites found it.
    await vscode.commands.executeCommand('workbench.view.explorer');
  });

  test('the index and the tree follow unsaved edits, and a revert takes the item away again', async () => {
    const uri = workspaceUri('postmortems', '2026-10-02-dns-outage.md');
    const key = uri.toString();
    const editor = await open('postmortems', '2026-10-02-dns-outage.md');
    const doc = editor.document;
    const hasNewThing = () => a.indexer.index.openItems().some((i) => i.uri === key && i.item.text.startsWith('New thing'));
    ok(!hasNewThing(), 'not in the index before the edit');
    const last = doc.lineAt(doc.lineCount - 1);
    // The Action items section is the file's last: append the task right after its last item.
    const insertAt = last.text.trim() === '' ? last.range.start : last.range.end;
    const line = '- [ ] New thing @alice due:2026-12-01';
    const added = waitFor(a.indexer.onDidChange, hasNewThing, 'the unsaved item to reach the index');
    ok(await editor.edit((b) => b.insert(insertAt, last.text.trim() === '' ? `${line}\n` : `\n${line}`)), 'the edit applies');
    ok(doc.isDirty, 'the edit is not saved');
    await added;
    const item = a.indexer.index.openItems().find((i) => i.uri === key && i.item.text.startsWith('New thing'))?.item;
    ok(item);
    equal(item.owner, 'alice');
    equal(item.due, '2026-12-01');
    equal(doc.lineAt(item.line).text, line, 'the index points at the edited line');
    const withNew = await groupLabels(a, DNS_TITLE);
    deepEqual(withNew, ['Add a canary resolver', 'New thing', 'Validate resolver config in CI'], `the tree shows the unsaved item, in due-date order: ${JSON.stringify(withNew)}`);

    const gone = waitFor(a.indexer.onDidChange, () => !hasNewThing(), 'the reverted item to leave the index');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    ok(!doc.isDirty, 'the revert threw the edit away');
    await gone;
    const reverted = await groupLabels(a, DNS_TITLE);
    deepEqual(reverted, ['Add a canary resolver', 'Validate resolver config in CI'], `the tree is as on disk again: ${JSON.stringify(reverted)}`);
    await closeAll();
  });

  test('a post-mortem resolved a few hours ago and not published counts the review down', async () => {
    // Whole seconds so that `now - resolved_at` is exactly three hours.
    const now = Math.floor(Date.now() / 1000) * 1000;
    const resolvedAt = now - 3 * HOUR_MS;
    const text = [
      '---',
      'type: postmortem',
      'title: Recently resolved',
      'status: in-review',
      'severity: SEV2',
      `started_at: ${isoSeconds(resolvedAt - HOUR_MS)}`,
      `resolved_at: ${isoSeconds(resolvedAt)}`,
      '---',
      '',
      '# Recently resolved',
      '',
    ].join('\n');
    const { document: doc } = await openUntitled('recently-resolved', text);
    equal(vscode.window.activeTextEditor?.document, doc);
    // The summary it shows comes with the document's lint (read where the lint runs).
    await a.diagnostics.lintNow(doc);

    // At `now`, the default 48 h deadline is 45 h away.
    a.statusBar.update(now);
    ok(a.statusBar.visible, 'the status bar item is shown for an untitled `type: postmortem` document');
    equal(a.statusBar.item.text, '$(checklist) SEV2 · in-review · approvals 0 of 1 · review due in 1 d 21 h');
    equal(a.statusBar.item.backgroundColor, undefined, 'no warning background before the deadline');
    const tooltip = (a.statusBar.item.tooltip as vscode.MarkdownString).value;
    ok(tooltip.includes(`Review deadline: ${isoSeconds(resolvedAt + 48 * HOUR_MS)}`) && tooltip.includes('— 1 day 21 hours left'), `tooltip: ${tooltip}`);
    equal(a.statusBar.item.command, 'postmortem.showActionItems', 'clicking it shows the action items');

    // With the real clock (a moment later) it still counts down, never "overdue".
    a.statusBar.update();
    ok(/^\$\(checklist\) SEV2 · in-review · approvals 0 of 1 · review due in 1 d 2[01] h$/.test(a.statusBar.item.text), `status bar: ${a.statusBar.item.text}`);
    await closeAll();
  });

  // trial18b F2, F6: "SEV2 · published · review done" while Problems said review/not-approved; a screen reader read the tooltip's Markdown.
  test('a published post-mortem whose approval was withdrawn: the status bar says "not approved" with the warning, as the lint does; its accessible name is its words', async () => {
    const text = [
      '---', 'type: postmortem', 'id: PM-2026-120', 'title: Published too early', 'status: published', 'severity: SEV2',
      'started_at: 2026-12-01T10:00:00Z', 'detected_at: 2026-12-01T10:05:00Z', 'mitigated_at: 2026-12-01T10:30:00Z', 'resolved_at: 2026-12-01T11:00:00Z',
      'published_at: 2026-12-03T09:00:00Z', 'facilitator: asha', 'authors: [asha]', 'reviewers: [lee]',
      'impact:', '  users_affected: 10', '  downtime_minutes: 60',
      'approvals:', '  - { by: lee, at: 2026-12-02T09:00:00Z, verdict: approved }', '  - { by: lee, at: 2026-12-02T10:00:00Z, verdict: changes-requested }',
      '---', '', '# Published too early', '',
    ].join('\n');
    const { document: doc } = await openUntitled('published-too-early', text);
    const lint = await a.diagnostics.lintNow(doc);
    ok(lint?.diagnostics.some((d) => d.code === 'review/not-approved'), 'the lint reports review/not-approved');
    a.statusBar.update();
    ok(/^\$\(warning\) SEV2 · published · not approved/.test(a.statusBar.item.text), `status bar: ${a.statusBar.item.text}`);
    ok(!a.statusBar.item.text.includes('review done'), a.statusBar.item.text);
    ok(a.statusBar.item.backgroundColor instanceof vscode.ThemeColor, 'the warning background');
    const tooltip = (a.statusBar.item.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' ').replace(/\\/g, '');
    ok(tooltip.includes('Marked `published`, but the review is not complete') && tooltip.includes('changes requested by @lee'), `tooltip: ${tooltip}`);
    const label = a.statusBar.item.accessibilityInformation?.label ?? '';
    ok(label.startsWith('Post-mortem: warning, SEV2, published, not approved'), label);
    ok(!/[*&\\]|nbsp/.test(label), `no Markdown in the accessible name: ${label}`);
    await closeAll();
  });

  // vs19: the in-review bar said only the deadline; the author and the reviewers wait for approvals.
  test('an in-review post-mortem: the status bar counts the approvals as the lint will (an author\'s does not count), and Approve moves the count', async () => {
    const resolvedAt = Math.floor(Date.now() / 1000) * 1000 - 3 * HOUR_MS;
    const text = [
      '---', 'type: postmortem', 'id: PM-2026-121', 'title: Waiting for approvals', 'status: in-review', 'severity: SEV3',
      `started_at: ${isoSeconds(resolvedAt - 2 * HOUR_MS)}`, `detected_at: ${isoSeconds(resolvedAt - 2 * HOUR_MS)}`, `mitigated_at: ${isoSeconds(resolvedAt - HOUR_MS)}`, `resolved_at: ${isoSeconds(resolvedAt)}`,
      'facilitator: asha', 'authors: [asha]', 'reviewers: [lee, alice]',
      'approvals:', `  - { by: asha, at: ${isoSeconds(resolvedAt + HOUR_MS)}, verdict: approved }`,
      '---', '', '# Waiting for approvals', '',
    ].join('\n');
    // Untitled: nothing for the index or the other suites' counts.
    const editor = await openUntitled('in-review-approvals', text);
    try {
      await a.diagnostics.lintNow(editor.document);
      a.statusBar.update();
      ok(/^\$\(checklist\) SEV3 · in-review · approvals 0 of 1 · review due in 1 d 2[01] h$/.test(a.statusBar.item.text), `status bar: ${a.statusBar.item.text}`);
      const tooltip = () => (a.statusBar.item.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' ').replace(/\\/g, '');
      ok(tooltip().includes('**Review:** approvals 0 of 1 needed to publish'), tooltip());
      ok(tooltip().includes("Not counted: @asha's approval given by an author of this post-mortem"), tooltip());
      ok(tooltip().includes('No approval yet from the requested reviewers @lee, @alice'), tooltip());
      ok((a.statusBar.item.accessibilityInformation?.label ?? '').startsWith('Post-mortem: SEV3, in-review, approvals 0 of 1, review due in'), a.statusBar.item.accessibilityInformation?.label);
      // Approve as the settings' user (alice): the next lint counts it, and the bar says so.
      const counted = nextEvent(a.diagnostics.onDidLint, (e) => e.document === editor.document && e.result?.review?.approved.length === 1, 'the lint after the approval');
      const approved = await vscode.commands.executeCommand<{ changed: boolean }>('postmortem.approve', { note: '', confirmed: true });
      ok(approved.changed, 'approved');
      await counted;
      a.statusBar.update();
      ok(/^\$\(checklist\) SEV3 · in-review · approvals 1 of 1 · review due in/.test(a.statusBar.item.text), `status bar: ${a.statusBar.item.text}`);
      ok(tooltip().includes('Approved by @alice (') && tooltip().includes('Enough approvals to publish: set `status: published` and `published_at`.'), tooltip());
      ok(tooltip().includes('No approval yet from the requested reviewer @lee'), tooltip());
      // A request for changes is what the bar says then.
      const requested = nextEvent(a.diagnostics.onDidLint, (e) => e.document === editor.document && e.result?.review?.changesRequested.length === 1, 'the lint after the request');
      const changes = await vscode.commands.executeCommand<{ changed: boolean }>('postmortem.requestChanges', { by: 'lee', note: 'Quantify the impact' });
      ok(changes.changed, 'changes requested');
      await requested;
      a.statusBar.update();
      ok(/^\$\(checklist\) SEV3 · in-review · changes requested by @lee · review due in/.test(a.statusBar.item.text), `status bar: ${a.statusBar.item.text}`);
    } finally {
      await closeAll();
    }
  });

  test('a resolved_at that has not happened yet starts no review deadline: the status bar says it is not used, and why (trial12 T2)', async () => {
    const now = Math.floor(Date.now() / 1000) * 1000;
    const text = [
      '---', 'type: postmortem', 'title: Resolved in the future', 'status: draft', 'severity: SEV2',
      `started_at: ${isoSeconds(now - 3 * HOUR_MS)}`, `resolved_at: ${isoSeconds(now + 2 * HOUR_MS)}`, '---', '', '# Resolved in the future', '',
    ].join('\n');
    await openUntitled('resolved-in-the-future', text);
    await a.diagnostics.lintNow(vscode.window.activeTextEditor!.document);
    a.statusBar.update(now);
    equal(a.statusBar.item.text, '$(warning) SEV2 · draft · resolved_at is in the future: no review deadline', 'not "review due in 2 d 2 h", nor the bare "resolved_at not used" (trial17b F9)');
    // The note is appended as text: spaces kept as &nbsp; and punctuation escaped in the Markdown source.
    const tooltip = (a.statusBar.item.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' ').replace(/\\/g, '');
    ok(tooltip.includes('`resolved_at` (') && tooltip.includes('is 2 hours after now') && tooltip.includes('it has not happened yet'), `tooltip: ${tooltip}`);
    await closeAll();
  });

  test('"Post-mortem: Show Action Items" reveals the view', async () => {
    const view = a.actionItems.view;
    if (view.visible) {
      const hidden = waitFor(view.onDidChangeVisibility, () => !view.visible, 'the view to hide behind the Explorer');
      await vscode.commands.executeCommand('workbench.view.explorer');
      await hidden;
    }
    equal(view.visible, false, 'the view starts hidden');
    const shown = waitFor(view.onDidChangeVisibility, () => view.visible, 'the view to become visible');
    await vscode.commands.executeCommand('postmortem.showActionItems');
    await shown;
    ok(view.visible);
    const hiddenAgain = waitFor(view.onDidChangeVisibility, () => !view.visible, 'the view to hide again');
    await vscode.commands.executeCommand('workbench.view.explorer');
    await hiddenAgain;
  });

  // `postmortem.openTicket` hands the URL to vscode.env.openExternal, which the harness cannot
  // observe safely (code-server may ask before opening a link, or open a browser tab). What the
  // inline action receives is checked instead: the tree node offering it carries the link's URL.
  test('the inline "open ticket" action gets a node whose ticket is the link URL', async () => {
    const node = await findItem(a, 'Add an alert on connection-pool saturation');
    ok(node && node.kind === 'item');
    const item = a.actionItems.provider.getTreeItem(node);
    ok(String(item.contextValue).split(' ').includes('withTicket'), `contextValue: ${item.contextValue}`);
    equal(node.open.item.ticket, 'https://tickets.example.com/OPS-101', 'the URL of `[OPS-101](…)`, not its label');
    equal(vscode.Uri.parse(node.open.item.ticket ?? '').toString(true), 'https://tickets.example.com/OPS-101');
    const plain = await findItem(a, 'Document the pool size');
    ok(plain && plain.kind === 'item');
    equal(plain.open.item.ticket, undefined);
    ok(!String(a.actionItems.provider.getTreeItem(plain).contextValue).includes('withTicket'), 'no "open ticket" action without a ticket');
  });
});
