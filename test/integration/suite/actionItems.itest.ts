import * as vscode from 'vscode';
import type { MarkCommandResult } from '../../../src/vscode/commands/actionItemCommands';
import type { ActionItemsNode } from '../../../src/vscode/tree/actionItemsProvider';
import { deepEqual, equal, ok } from '../../vscode-harness/in-host/assert';
import { api, closeAll, readDisk, waitFor, workspaceUri } from './helpers';

type Api = Awaited<ReturnType<typeof api>>;

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : item.label?.label ?? '';
}

/** The tree as `group label` → item labels, as a user reads it. */
async function tree(a: Api): Promise<Record<string, string[]>> {
  const p = a.actionItems.provider;
  const result: Record<string, string[]> = {};
  for (const group of await p.getChildren()) {
    const children = await p.getChildren(group);
    result[labelOf(p.getTreeItem(group))] = children.map((c) => labelOf(p.getTreeItem(c)));
  }
  return result;
}

async function findItem(a: Api, text: string): Promise<ActionItemsNode | undefined> {
  const p = a.actionItems.provider;
  for (const group of await p.getChildren()) for (const child of await p.getChildren(group)) if (labelOf(p.getTreeItem(child)).includes(text)) return child;
  return undefined;
}

const CHECKOUT = 'Checkout errors after connection-pool exhaustion';

suite('Action-items view', () => {
  let a: Api;
  suiteSetup(async () => {
    a = await api();
    await closeAll();
  });
  teardown(() => {
    a.actionItems.setGroupBy('postmortem');
    a.actionItems.setOverdue(false);
    a.actionItems.setShowDone(false);
  });

  test('grouped by post-mortem: open items of every post-mortem, nothing from other Markdown', async () => {
    a.actionItems.setGroupBy('postmortem');
    const t = await tree(a);
    deepEqual(t[CHECKOUT], [
      'Add an alert on connection-pool saturation',
      'Load-test checkout with production-like concurrency',
      'Document the pool size in the runbook',
    ]);
    deepEqual(t['Internal DNS resolution failures'], ['Add a canary resolver', 'Validate resolver config in CI']);
    deepEqual(t['Search index lag'], ['Alert on indexer lag'], 'a `type: postmortem` file outside the globs');
    ok(t['[Broken front matter'] === undefined, 'no title read from broken YAML');
    ok(Object.values(t).flat().includes('Add request coalescing to the cache layer'), 'broken YAML keeps its items in the tree');
    ok(!Object.values(t).flat().includes('Book the offsite'), 'meeting notes are not a post-mortem');
  });

  test('grouped by owner and by due date', async () => {
    a.actionItems.setGroupBy('owner');
    const byOwner = await tree(a);
    // Owners with overdue work first (alice 2020-01-15, carol 2020-02-01), then by earliest due date
    // (frank 2099-02-02, bob 2099-03-01, erin 2099-05-01); items nobody owns last.
    deepEqual(Object.keys(byOwner), ['@alice', '@carol', '@frank', '@bob', '@erin', 'No owner']);
    deepEqual(byOwner['@alice'], ['Add an alert on connection-pool saturation', 'Validate resolver config in CI']);
    a.actionItems.setGroupBy('due');
    const byDue = await tree(a);
    deepEqual(Object.keys(byDue), ['Overdue', 'Due later', 'No due date']);
    deepEqual(byDue.Overdue, ['Add an alert on connection-pool saturation', 'Add a canary resolver']);
  });

  test('overdue items stand out; description, tooltip and inline actions', async () => {
    const p = a.actionItems.provider;
    const node = await findItem(a, 'Add an alert on connection-pool saturation');
    ok(node);
    const item = p.getTreeItem(node);
    const icon = item.iconPath as vscode.ThemeIcon;
    equal(icon.id, 'error');
    equal(icon.color?.id, 'problemsErrorIcon.foreground');
    // trial14b F8: "overdue since 2020-01-15" read as overdue from the due day; the row says the due date and how many days over.
    const m = /^@alice · due 2020-01-15, overdue (\d+) days · P1$/.exec(String(item.description));
    ok(m, String(item.description));
    const days = (Date.now() - Date.parse('2020-01-15T00:00:00Z')) / 86_400_000;
    ok(Math.abs(Number(m[1]) - days) < 2, `${m[1]} days is about ${Math.floor(days)}`);
    ok(String(item.contextValue).includes('withTicket'), 'the ticket link gets the inline "open ticket" action');
    const tooltip = (item.tooltip as vscode.MarkdownString).value;
    ok(tooltip.includes('Overdue') && tooltip.includes('Checkout errors'), `tooltip: ${tooltip}`);
    const command = item.command;
    equal(command?.command, 'postmortem.revealActionItem');
    await vscode.commands.executeCommand(command!.command, ...(command!.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    ok(editor && editor.document.uri.path.endsWith('2026-11-20-checkout-errors.md'), 'click opens the post-mortem');
    equal(editor.selection.active.line, 47, 'on the item line');
    await closeAll();
  });

  test('the overdue filter and the badge count overdue items', async () => {
    equal(a.actionItems.view.badge?.value, 2);
    equal(a.actionItems.view.message, undefined, 'no message while the view shows its defaults');
    a.actionItems.setOverdue(true);
    deepEqual(Object.values(await tree(a)).flat().sort(), ['Add a canary resolver', 'Add an alert on connection-pool saturation']);
    equal(a.actionItems.view.message, 'Only overdue items, grouped by post-mortem. Clear Filters (above) shows all.');
  });

  test('the badge counts every overdue item whatever the filters, and its tooltip says how many are yours (trial17b F8)', async () => {
    a.actionItems.setMine(true);
    try {
      equal(a.actionItems.view.badge?.value, 2, "@carol's overdue item stays counted while the view shows only @alice's");
      equal(a.actionItems.view.badge?.tooltip, "2 overdue action items in the workspace; 1 of them @alice's (the view shows only those)");
    } finally {
      a.actionItems.setMine(false);
    }
    equal(a.actionItems.view.badge?.value, 2);
    equal(a.actionItems.view.badge?.tooltip, '2 overdue action items in the workspace');
  });

  test('"mine + overdue" with nothing of yours overdue says no items match, above an empty tree; the badge keeps the workspace\'s count (trial17b F8)', async () => {
    const config = vscode.workspace.getConfiguration('postmortem');
    await config.update('userName', 'zed', vscode.ConfigurationTarget.Workspace);
    try {
      a.actionItems.setMine(true);
      a.actionItems.setOverdue(true);
      deepEqual(await tree(a), {}, 'nothing listed');
      equal(a.actionItems.view.message, "No items match the filter (only @zed's overdue items). Clear Filters (above) shows all.");
      equal(a.actionItems.view.badge?.value, 2, 'the badge still counts the overdue items of others');
      equal(a.actionItems.view.badge?.tooltip, "2 overdue action items in the workspace; 0 of them @zed's (the view shows only those)");
    } finally {
      a.actionItems.clearFilters();
      await config.update('userName', undefined, vscode.ConfigurationTarget.Workspace);
    }
    equal(a.actionItems.view.message, undefined, 'cleared: the defaults, no message');
  });

  test('group rows carry no file (no Git/Problems decorations) and groups needing attention come first', async () => {
    a.actionItems.setGroupBy('postmortem');
    const p = a.actionItems.provider;
    const groups = (await p.getChildren()).map((g) => p.getTreeItem(g));
    ok(groups.every((g) => g.resourceUri === undefined), 'no resourceUri on group rows');
    equal(a.actionItems.view.message, undefined);
    a.actionItems.setGroupBy('owner');
    equal(a.actionItems.view.message, 'Grouped by owner.', 'the current grouping is said when it is not the default');
  });

  test('show done lists done items with Reopen; reopening brings the item back as open', async () => {
    a.actionItems.setShowDone(true);
    try {
      const p = a.actionItems.provider;
      const doneNodes = [];
      for (const g of await p.getChildren()) for (const c of await p.getChildren(g)) if (c.kind === 'item' && c.open.item.isDone) doneNodes.push(c);
      ok(doneNodes.length > 0, 'the fixture has done items');
      const item = p.getTreeItem(doneNodes[0]!);
      ok(String(item.contextValue).startsWith('doneItem'), `context value ${item.contextValue} (menus offer Reopen, not Mark done)`);
      equal((item.iconPath as vscode.ThemeIcon).id, 'pass-filled');
      ok(String(item.description).includes('done'), `description: ${item.description}`);
      equal(a.actionItems.view.message, 'Open and done items, grouped by post-mortem.');
    } finally {
      a.actionItems.setShowDone(false);
    }
  });

  test('the "mine" filter shows the items of postmortem.userName', async () => {
    equal(vscode.workspace.getConfiguration('postmortem').get('userName'), 'alice', 'test settings name alice');
    a.actionItems.setMine(true);
    try {
      deepEqual(Object.values(await tree(a)).flat().sort(), ['Add an alert on connection-pool saturation', 'Validate resolver config in CI']);
      equal(a.actionItems.view.message, "Only @alice's items, grouped by post-mortem. Clear Filters (above) shows all.", 'a single-view container shows no description: the filter is said above the tree');
    } finally {
      a.actionItems.setMine(false);
    }
  });

  test('mark done from the tree edits the file on disk (twice quickly: once) and the item leaves the tree', async () => {
    const uri = workspaceUri('postmortems', '2026-11-20-checkout-errors.md');
    ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && d.isDirty));
    const node = await findItem(a, 'Load-test checkout');
    ok(node);
    const gone = waitFor(a.indexer.onDidChange, () => a.indexer.index.openItems().every((i) => !i.item.text.includes('Load-test')), 'the item to leave the index');
    const [first, second] = await Promise.all([
      vscode.commands.executeCommand<{ changed: boolean; message?: string }>('postmortem.markActionItemDone', node),
      vscode.commands.executeCommand<{ changed: boolean; message?: string }>('postmortem.markActionItemDone', node),
    ]);
    deepEqual([first.changed, second.changed], [true, false], 'the second click changes nothing');
    equal(second.message, 'That action item is already done.');
    const today = new Date().toISOString().slice(0, 10);
    const line = (await readDisk(uri)).split('\n')[48];
    equal(line, `- [x] Load-test checkout with production-like concurrency @bob due:2099-03-01 P2 done:${today}`);
    await gone;
    ok(!(await findItem(a, 'Load-test checkout')), 'no longer in the tree');
    // Reopen from the editor's cursor line: the done date goes again.
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(48, 3, 48, 3);
    const back = waitFor(a.indexer.onDidChange, () => a.indexer.index.openItems().some((i) => i.item.text.includes('Load-test')), 'the item to come back');
    const reopened = await vscode.commands.executeCommand<{ changed: boolean }>('postmortem.reopenActionItem');
    ok(reopened.changed);
    equal(doc.lineAt(48).text, '- [ ] Load-test checkout with production-like concurrency @bob due:2099-03-01 P2');
    await back;
    await closeAll();
  });

  // trial14b F3: the right-clicked row's file was renamed while its menu was open, VS Code passed no row, and
  // Mark done marked the item under the text cursor in another post-mortem, with a toast that named nothing.
  test('Mark done from a view row whose row is gone changes nothing (not the cursor\'s item) and says why; every toast names the item and file', async () => {
    const uri = workspaceUri('postmortems', '2026-11-20-checkout-errors.md');
    const before = await readDisk(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(47, 3, 47, 3);
    // What VS Code hands the view's menu command when the right-clicked row is gone after a refresh: nothing.
    const gone = await vscode.commands.executeCommand<MarkCommandResult>('postmortem.markActionItemDoneInView');
    ok(!gone.changed, 'nothing marked');
    ok(/^Not marked done: that row is no longer in the Action Items view \(its file was renamed, moved or changed while the menu was open\), so nothing was changed\./.test(gone.message ?? ''), gone.message);
    equal(doc.getText(), before, 'the item under the cursor is untouched');
    equal(await readDisk(uri), before);
    const reopenGone = await vscode.commands.executeCommand<MarkCommandResult>('postmortem.reopenActionItemInView');
    ok(!reopenGone.changed && /^Not reopened: that row is no longer/.test(reopenGone.message ?? ''), reopenGone.message);
    // The row itself (what VS Code passes while it exists) is marked, and the toast says which item in which file.
    const node = await findItem(a, 'Add an alert on connection-pool');
    ok(node, 'the row is listed');
    const marked = await vscode.commands.executeCommand<MarkCommandResult>('postmortem.markActionItemDoneInView', node);
    ok(marked.changed, marked.message);
    equal(marked.notice, 'Marked done: Add an alert on connection-pool saturation (postmortems/2026-11-20-checkout-errors.md, line 48)');
    // The palette's command acts on the cursor line, and its toast names the item too (it said only "Marked done").
    const reopened = await vscode.commands.executeCommand<MarkCommandResult>('postmortem.reopenActionItem');
    ok(reopened.changed, reopened.message);
    ok(reopened.notice?.startsWith('Reopened: Add an alert on connection-pool saturation @alice'), reopened.notice);
    ok(reopened.notice?.endsWith('(postmortems/2026-11-20-checkout-errors.md, line 48)'), reopened.notice);
    equal(doc.lineAt(47).text, before.split('\n')[47], 'the line is as it was');
    if (doc.isDirty) await doc.save();
    await closeAll();
  });

  // trial13b F7: Mark done on a table row wrote "Done" without the date, and a team's "Done (2026-12-03)" showed "done" without one.
  test('mark done on a table row writes Done with today\'s date; a date already in a Status cell is shown', async () => {
    const uri = workspaceUri('postmortems', 'table-done.md');
    const text = '---\ntype: postmortem\ntitle: Table done dates\nstatus: draft\n---\n\n## Action items\n\n| Action | Owner | Due | Status |\n|---|---|---|---|\n' +
      '| Automate cert rotation | @priya | 2099-12-05 | Open |\n| Add expiry alert | @jonas | 2099-12-10 | Done (2026-12-03) |\n';
    const added = waitFor(a.indexer.onDidChange, () => a.indexer.index.has(uri.toString()), 'the new file in the index');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      await added;
      const node = await findItem(a, 'Automate cert rotation');
      ok(node, 'the open row is listed');
      const indexed = waitFor(a.indexer.onDidChange, () => a.indexer.index.openItems().every((i) => !i.item.text.includes('Automate cert')), 'the row to be done in the index');
      const marked = await vscode.commands.executeCommand<{ changed: boolean; message?: string }>('postmortem.markActionItemDone', node);
      ok(marked.changed, marked.message);
      const today = new Date().toISOString().slice(0, 10);
      equal((await readDisk(uri)).split('\n')[10], `| Automate cert rotation | @priya | 2099-12-05 | Done (${today}) |`);
      await indexed;
      a.actionItems.setShowDone(true);
      const p = a.actionItems.provider;
      const rotation = await findItem(a, 'Automate cert rotation');
      const alert = await findItem(a, 'Add expiry alert');
      ok(rotation && alert, 'both rows listed with done items shown');
      equal(p.getTreeItem(rotation!).description, `@priya · done ${today}`);
      equal(p.getTreeItem(alert!).description, '@jonas · done 2026-12-03');
    } finally {
      a.actionItems.setShowDone(false);
      await closeAll();
      await vscode.workspace.fs.delete(uri);
    }
  });

  // trial13b F13: a `~~Done~~` status row got no note; two identical items under ### Service A / ### Service B were identical rows.
  test('a status the reader cannot read is said on the row; identical items under different sub-headings name their sub-heading', async () => {
    const uri = workspaceUri('postmortems', 'rows-apart.md');
    const text = '---\ntype: postmortem\ntitle: Rows apart\nstatus: draft\n---\n\n## Action items\n\n### Service A\n\n- [ ] Add alert @jonas due:2099-12-20\n\n### Service B\n\n- [ ] Add alert @jonas due:2099-12-20\n\n' +
      '| Action | Owner | Due | Status |\n|---|---|---|---|\n| Drill rotation | @priya | 2099-12-08 | ~~Done~~ |\n';
    const added = waitFor(a.indexer.onDidChange, () => a.indexer.index.has(uri.toString()), 'the new file in the index');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      await added;
      a.actionItems.setGroupBy('postmortem');
      const p = a.actionItems.provider;
      const group = (await p.getChildren()).find((g) => labelOf(p.getTreeItem(g)) === 'Rows apart');
      ok(group, 'the post-mortem is listed');
      const rows = (await p.getChildren(group)).map((c) => `${labelOf(p.getTreeItem(c))} — ${p.getTreeItem(c).description}`);
      deepEqual(rows.sort(), [
        'Add alert — @jonas · due 2099-12-20 · under Service A',
        'Add alert — @jonas · due 2099-12-20 · under Service B',
        'Drill rotation — @priya · due 2099-12-08 · status "~~Done~~" not read, still open',
      ]);
    } finally {
      await closeAll();
      await vscode.workspace.fs.delete(uri);
    }
  });

  test('a post-mortem created and deleted on disk updates the tree; labels show no Markdown markers', async () => {
    const uri = workspaceUri('postmortems', 'created-on-disk.md');
    const text = '---\ntype: postmortem\ntitle: Created on disk\nstatus: draft\n---\n\n## Action items\n\n- [ ] Check the watcher @gina due:2099-06-06\n' +
      '- [ ] **Strike team formation**: tune `max_conn` per [the runbook](https://wiki.example/rb) @gina due:2099-06-07\n' +
      '- [ ] ~~Dropped idea~~ @gina due:2099-06-08\n' +
      // Struck on its task line with a note under it: struck to the tree as to lint and `actions` (one reader's `struck`).
      '- [ ] ~~Old plan~~ @gina due:2099-06-09\n  agreed in the review\n' +
      // Two capitalised names around a slash: two people or a team? No owner, and the row says why.
      '- [ ] Pair on the runbook @Devon/Kevin due:2099-06-10\n';
    const added = waitFor(a.indexer.onDidChange, () => a.indexer.index.has(uri.toString()), 'the new file in the index');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    await added;
    a.actionItems.setGroupBy('postmortem');
    // The tree draws no Markdown: "**Strike team formation**" showed its asterisks (trial T7).
    deepEqual((await tree(a))['Created on disk'], ['Check the watcher', 'Strike team formation: tune max_conn per the runbook', 'Dropped idea', 'Old plan agreed in the review', 'Pair on the runbook @Devon/Kevin']);
    // A struck-out open item is still open: the label lost its strike, the description says it (trial11 T10).
    const struck = await findItem(a, 'Dropped idea');
    ok(struck);
    equal(a.actionItems.provider.getTreeItem(struck).description, '@gina · due 2099-06-08 · struck out, still open');
    const withNote = await findItem(a, 'Old plan agreed in the review');
    ok(withNote);
    equal(a.actionItems.provider.getTreeItem(withNote).description, '@gina · due 2099-06-09 · struck out, still open');
    const pair = await findItem(a, 'Pair on the runbook');
    ok(pair);
    equal(a.actionItems.provider.getTreeItem(pair).description, 'no owner (@Devon/Kevin: two people or a team?) · due 2099-06-10');
    const removed = waitFor(a.indexer.onDidChange, () => !a.indexer.index.has(uri.toString()), 'the file to leave the index');
    await vscode.workspace.fs.delete(uri);
    await removed;
    equal((await tree(a))['Created on disk'], undefined);
  });
});
