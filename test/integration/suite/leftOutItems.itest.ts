import * as vscode from 'vscode';
import { equal, ok } from '../../vscode-harness/in-host/assert';
import { api, closeAll, waitFor, waitForDiagnostics, codeOf, workspaceUri } from './helpers';

type Api = Awaited<ReturnType<typeof api>>;

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : item.label?.label ?? '';
}

/**
 * Trial 12 T4 in a real VS Code: a stray `<!-- draft notes` above `## Action items`, ended by the
 * guidance comment under the heading, hid the heading; the two items below it sat under "Response"
 * and the Action Items view showed nothing for the file, Problems nothing either.
 */
const SWALLOWED = [
  '---', 'type: postmortem', 'id: PM-SWALLOWED', 'title: Swallowed action items', 'status: draft', 'started_at: 2026-12-06T14:50:00Z', '---', '',
  '# Swallowed action items', '', '## Response', '', 'Rolled back at 15:15Z.', '',
  '<!-- draft notes', '', '## Action items', '',
  '<!-- One task per line, as a task-list item: what will change,', '  then @owner and due:YYYY-MM-DD. -->', '',
  '- [ ] Add a canary stage for config pushes @aiko due:2026-12-20 P1',
  '- [ ] Alert on the 5xx ratio per deploy @ken due:2026-12-01 P2', '',
].join('\n');

suite('Task items an HTML comment or a section left out are named, not dropped (trial 12 T4)', () => {
  const file = workspaceUri('postmortems', 'swallowed-items.md');
  let a: Api;

  suiteSetup(async () => {
    a = await api();
    await a.indexer.ready();
    const seen = waitFor(a.indexer.onDidChange, () => a.indexer.index.get(file.toString())?.strayActionItems, 'the file in the index', 30_000);
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(SWALLOWED));
    await seen;
  });

  suiteTeardown(async () => {
    await closeAll();
    const gone = waitFor(a.indexer.onDidChange, () => !a.indexer.index.has(file.toString()), 'the file gone');
    await vscode.workspace.fs.delete(file);
    await gone;
  });

  test('the Action Items view lists the file under "Not listed" with how many items and where; clicking opens the first', async () => {
    const p = a.actionItems.provider;
    const root = await p.getChildren();
    const group = root.find((n) => n.kind === 'leftOutGroup');
    ok(group, `a "Not listed" group among: ${root.map((n) => labelOf(p.getTreeItem(n))).join(', ')}`);
    const head = p.getTreeItem(group!);
    equal(labelOf(head), 'Not listed');
    equal(head.description, '2 task items with an owner or due date outside Action items');
    const rows = await p.getChildren(group);
    equal(rows.length, 1);
    const row = p.getTreeItem(rows[0]);
    equal(`${labelOf(row)} — ${row.description}`, 'swallowed-items.md — 2 task items under "Response", not listed');
    // The hover's text as read (appendText escapes spaces and Markdown characters).
    const tooltip = (row.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
    ok(tooltip.includes('Hidden in a comment, line 15') && tooltip.includes('Not action items, line 22'), tooltip);
    // No Action items section was read: the file's action items were not found, a warning (as `actions` exits 1).
    equal((head.iconPath as vscode.ThemeIcon).id, 'warning');
    equal((row.iconPath as vscode.ThemeIcon).id, 'warning');
    equal(row.command?.command, 'vscode.open');
    equal((row.command?.arguments?.[1] as vscode.TextDocumentShowOptions).selection?.start.line, 21);
    ok(!a.indexer.index.openItems().some((i) => i.uri === file.toString()), 'they are not counted as open items');
  });

  test('Problems, once the file is open: the stray `<!--` and each item', async () => {
    await vscode.window.showTextDocument(file);
    const ds = await waitForDiagnostics(file, (all) => all.some((d) => codeOf(d) === 'document/comment-hides-content'), 'the comment warning');
    const comment = ds.find((d) => codeOf(d) === 'document/comment-hides-content')!;
    equal(comment.range.start.line, 14);
    equal(comment.severity, vscode.DiagnosticSeverity.Warning);
    equal(ds.filter((d) => codeOf(d) === 'actions/outside-section').map((d) => d.range.start.line).join(','), '21,22');
  });
});

/** A published post-mortem keeping an owner-tagged checklist under Response, beside its Action items section. */
const CHECKLIST = [
  '---', 'type: postmortem', 'id: PM-CHECKLIST', 'title: Checklist kept under Response', 'status: published', 'started_at: 2026-12-06T14:50:00Z', '---', '',
  '# Checklist kept under Response', '', '## Response', '', '### Follow-up checks', '',
  '- [x] Config rolled back @ana', '- [ ] Error rate back to baseline @ken due:2099-12-08', '',
  '## Action items', '', '- [ ] Add a canary stage @aiko due:2099-12-20', '',
].join('\n');

suite('Owner-tagged checklists beside an Action items section are a note, as in lint and `actions`', () => {
  const file = workspaceUri('postmortems', 'checklist-kept.md');
  let a: Api;

  suiteSetup(async () => {
    a = await api();
    await a.indexer.ready();
    const seen = waitFor(a.indexer.onDidChange, () => a.indexer.index.get(file.toString())?.strayActionItems, 'the file in the index', 30_000);
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(CHECKLIST));
    await seen;
  });

  suiteTeardown(async () => {
    await closeAll();
    const gone = waitFor(a.indexer.onDidChange, () => !a.indexer.index.has(file.toString()), 'the file gone');
    await vscode.workspace.fs.delete(file);
    await gone;
  });

  test('"Not listed" names the file with an info icon; Problems says each as an info; its action item is listed', async () => {
    const p = a.actionItems.provider;
    const group = (await p.getChildren()).find((n) => n.kind === 'leftOutGroup');
    ok(group, 'a "Not listed" group');
    const rows = (await p.getChildren(group)).map((n) => p.getTreeItem(n)).filter((t) => labelOf(t) === 'checklist-kept.md');
    equal(rows.length, 1);
    equal(rows[0].description, '2 task items under "Response", not listed');
    equal((rows[0].iconPath as vscode.ThemeIcon).id, 'info');
    ok(a.indexer.index.openItems().some((i) => i.uri === file.toString() && i.item.text.startsWith('Add a canary stage')), 'the Action items section is listed');
    await vscode.window.showTextDocument(file);
    const ds = await waitForDiagnostics(file, (all) => all.filter((d) => codeOf(d) === 'actions/outside-section').length === 2, 'the two infos');
    equal(ds.filter((d) => codeOf(d) === 'actions/outside-section').map((d) => d.severity).join(','), [vscode.DiagnosticSeverity.Information, vscode.DiagnosticSeverity.Information].join(','));
  });
});
